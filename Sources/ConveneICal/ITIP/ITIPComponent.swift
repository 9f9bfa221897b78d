import CLibical

/// Owns one libical component tree and frees it once; children added to it belong to it.
final class ITIPComponent {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// Parses text; nil when libical finds no component at all.
    static func parse(_ text: String) -> ITIPComponent? {
        icalparser_parse_string(text).map(ITIPComponent.init)
    }

    deinit { icalcomponent_free(pointer) }

    /// The component as text, exactly as libical folds it.
    func bytes() -> [UInt8] {
        guard let s = icalcomponent_as_ical_string_r(pointer) else { return [] }
        defer { icalmemory_free_buffer(s) }
        return Array(String(cString: s).utf8)
    }

    /// The messages of the X-LIC-ERROR properties libical added anywhere in the tree.
    func errors() -> [String] { ITIPComponent.errors(in: pointer) }

    private static func errors(in c: OpaquePointer) -> [String] {
        var out: [String] = []
        var p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY)
        while let prop = p {
            if let text = icalproperty_get_xlicerror(prop) { out.append(String(cString: text)) }
            p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)
        }
        var child = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT)
        while let inner = child {
            out += errors(in: inner)
            child = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)
        }
        return out
    }
}
