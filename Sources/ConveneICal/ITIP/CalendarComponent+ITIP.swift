import CLibical

extension CalendarComponent {
    /// The messages of the X-LIC-ERROR properties libical added anywhere in the tree
    /// (parse errors, and what `icalrestriction_check` found).
    func errors() -> [String] { withUnsafeComponent { CalendarComponent.errors(in: $0) } }

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
