import CLibical

/// Owns a top-level libical component (a parsed or built VCALENDAR) and frees it with its children.
///
/// Children reached through it are borrowed: they live as long as this object and are never freed.
final class CalendarComponent {
    private let pointer: OpaquePointer

    /// Takes ownership of a component that has no parent.
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Parses iCalendar text; nil when libical finds no component at all.
    convenience init?(parsing text: String) {
        let parsed = text.withCString { icalparser_parse_string($0) }
        guard let parsed else { return nil }
        self.init(adopting: parsed)
    }

    deinit { icalcomponent_free(pointer) }

    /// Lends the component to `body`; the pointer must not escape it.
    func withUnsafeComponent<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try body(pointer)
    }

    /// The component serialized by libical: CRLF lines folded at 75 octets.
    func serialized() -> String {
        LibicalText.owned(icalcomponent_as_ical_string_r(pointer)) ?? ""
    }
}
