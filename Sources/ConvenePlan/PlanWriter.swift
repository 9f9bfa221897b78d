public import ConveneCore

/// Writes an event as a plan file that `Plan.parse` reads back to the same event: every field the
/// plan format has, times as wall-clock times in the event's zone, text double-quoted.
public enum PlanWriter {
    /// The plan as YAML; `header` becomes comment lines at the top, `remarks` a comment after the
    /// capacity of the room with that id (e.g. "not in the schedule: check it").
    public static func yaml(_ event: Event, header: [String] = [], remarks: [String: String] = [:]) -> String {
        let zone = ZoneRules(identifier: event.timeZone) ?? ZoneRules(identifier: "UTC")!
        func time(_ i: Instant) -> String {
            let l = zone.local(i)
            return q("\(l.date.iso8601) \(l.timeText)")
        }
        func periods(_ list: [Interval]) -> String {
            "[" + list.map { "{from: \(time($0.start)), to: \(time($0.end))}" }.joined(separator: ", ") + "]"
        }
        var out = header.map { "# \($0)\n" }.joined()
        out += "event:\n  id: \(event.id)\n  name: \(text(event.name))\n  kind: \(event.kind.rawValue)\n"
        out += "  timeZone: \(event.timeZone)\n  slotMinutes: \(event.slotMinutes)\n"
        out += "  organizer: {name: \(q(event.organizer.name))" + (event.organizer.email.isEmpty ? "" : ", email: \(q(event.organizer.email))") + "}\n"
        if let v = event.venue {
            out += "  venue: {name: \(text(v.name))" + (v.address.map { ", address: \(text($0))" } ?? "")
                + (v.map.map { ", map: \(q($0))" } ?? "") + "}\n"
        }
        out += "  days:\n"
        for d in event.days {
            out += "    - {date: \(q(d.date.iso8601)), opens: \(q(clock(zone.local(d.opens), d.date))), closes: \(q(clock(zone.local(d.closes), d.date)))}\n"
        }
        let weights = event.weights.inForce.filter { RuleBook.softTermNames.contains($0.key) }.sorted { $0.key < $1.key }
        out += "weights: {" + weights.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}\n"
        if !event.features.isEmpty {
            out += "features:\n"
            for f in event.features {
                out += "  - {id: \(f.id), name: \(text(f.name)), accessibility: \(f.accessibility), perSession: \(f.perSession)}\n"
            }
        }
        if !event.tracks.isEmpty {
            out += "tracks:\n"
            for t in event.tracks { out += "  - {id: \(t.id), name: \(text(t.name))" + (t.color.map { ", color: \(q($0))" } ?? "") + "}\n" }
        }
        out += "rooms:\n"
        for r in event.rooms {
            out += "  - id: \(r.id)\n    name: \(text(r.name))\n    capacity: \(r.capacity)" + (remarks[r.id].map { "   # \($0)" } ?? "") + "\n"
            if !r.features.isEmpty { out += "    features: [\(r.features.joined(separator: ", "))]\n" }
            if !r.closures.isEmpty { out += "    closures: \(periods(r.closures))\n" }
            if let o = r.online { out += "    online: \(online(o))\n" }
        }
        out += "people:\n"
        for p in event.stakeholders {
            out += "  - id: \(p.id)\n    name: \(q(p.name))\n"
            if !p.email.isEmpty { out += "    email: \(q(p.email))\n" }
            if let o = p.organization { out += "    organization: \(q(o))\n" }
            out += "    group: \(p.group.rawValue)\n"
            if let r = p.role { out += "    role: \(q(r))\n" }
            if p.timeZone != event.timeZone { out += "    timeZone: \(p.timeZone)\n" }
            if p.language != .ja { out += "    language: \(p.language.rawValue)\n" }
            if let l = p.listed { out += "    public: \(l)\n" }
            if !p.calendars.isEmpty { out += "    calendars: [\(p.calendars.map(q).joined(separator: ", "))]\n" }
            if !p.unavailable.isEmpty { out += "    unavailable: \(periods(p.unavailable))\n" }
        }
        out += "sessions:\n"
        for s in event.sessions {
            out += "  - id: \(s.id)\n    title: \(text(s.title))\n    kind: \(s.kind.rawValue)\n    duration: \(s.duration)\n"
            if s.audience != 0 { out += "    audience: \(s.audience)\n" }
            for (field, ids) in [("required", s.required), ("optional", s.optional), ("features", s.features), ("after", s.after)]
            where !ids.isEmpty {
                out += "    \(field): [\(ids.joined(separator: ", "))]\n"
            }
            if !s.windows.isEmpty { out += "    windows: \(periods(s.windows))\n" }
            if !s.preferred.isEmpty { out += "    preferred: \(periods(s.preferred))\n" }
            if s.priority != 1 { out += "    priority: \(s.priority)\n" }
            if let p = s.pin { out += "    pin: {room: \(p.room), start: \(time(p.start))}\n" }
            if let p = s.previously { out += "    previously: {room: \(p.room), start: \(time(p.start))}\n" }
            if let t = s.track { out += "    track: \(t)\n" }
            if let o = s.online { out += "    online: \(online(o))\n" }
            if let d = s.description { out += "    description: \(text(d))\n" }
            if let o = s.origin {
                let fields = [o.guid.map { "guid: \($0)" }, o.id.map { "id: \($0)" }, o.type.map { "type: \(q($0))" },
                              o.language.map { "language: \(q($0))" }].compactMap { $0 }
                out += "    origin: {\(fields.joined(separator: ", "))}\n"
            }
            if !s.composition.isEmpty {
                out += "    composition:\n" + s.composition.map { "      - groups: [\($0.groups.map(\.rawValue).joined(separator: ", "))]\n" }.joined()
            }
        }
        return out
    }

    private static func online(_ o: OnlineLink) -> String {
        o.isPrivate ? "{url: \(q(o.url)), private: true}" : q(o.url)
    }

    /// `HH:MM` of a local time, `24:00` for midnight at the end of `date`.
    private static func clock(_ t: LocalDateTime, _ date: LocalDate) -> String {
        t.date > date && t.minuteOfDay == 0 ? "24:00" : t.timeText
    }

    private static func text(_ t: LocalizedText) -> String {
        switch (t.ja, t.en) {
        case let (j?, e?): return "{ja: \(q(j)), en: \(q(e))}"
        case let (j?, nil): return "{ja: \(q(j))}"
        case let (nil, e?): return "{en: \(q(e))}"
        default: return q("")
        }
    }

    /// A YAML double-quoted scalar.
    static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
                    || u.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
