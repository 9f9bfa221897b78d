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

extension CalendarComponent {
    /// Reads an iTIP message (`kind` names it in errors, e.g. "reply") as an import reads a calendar:
    /// its size and lines checked first, then parsed by libical and its VCALENDAR handed to `body`.
    static func readITIP<T>(_ text: String, kind: String, file: String,
                            _ body: (OpaquePointer, SourceMap) throws -> T) throws -> T {
        guard text.utf8.count <= CalendarLimits.maximumBytes else {
            throw ICalError(file: file, message: "the \(kind) is \(text.utf8.count) bytes; at most \(CalendarLimits.maximumBytes) are read")
        }
        let map = SourceMap(text: text)
        try map.check(file: file)
        return try Libical.serialized {
            guard text.contains("BEGIN:VCALENDAR"), let calendar = CalendarComponent(parsing: map.textForLibical ?? text) else {
                throw ICalError(file: file, line: 1, message: "not an iCalendar object (no BEGIN:VCALENDAR)")
            }
            return try calendar.withUnsafeComponent { try body($0, map) }
        }
    }
}

extension CalendarComponent {
    /// Hands each VEVENT of an iTIP message to `body` with its block in `map` and its UID; one without a
    /// UID is refused at its line. libical keeps the text's order, so lines are looked up, never searched for.
    static func eachITIPEvent(in root: OpaquePointer, map: SourceMap, file: String,
                              _ body: (_ event: OpaquePointer, _ block: Int, _ uid: String) throws -> Void) throws {
        let eventBlocks = map.blocks.indices.filter { map.blocks[$0].depth == 2 && map.blocks[$0].name == "VEVENT" }
        var index = 0
        var child = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT)
        while let event = child {
            child = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)
            let block = eventBlocks[safe: index] ?? -1
            index += 1
            guard let uid = LibicalText.borrowed(icalcomponent_get_uid(event)), !uid.isEmpty else {
                throw ICalError(file: file, line: map.blocks[safe: block]?.line, message: "VEVENT has no UID")
            }
            try body(event, block, uid)
        }
    }
}
