public import ConveneCore
public import Foundation

/// Turns a schedule.xml or schedule.json (frab, pentabarf, pretalx, indico) into an event: rooms,
/// sessions, speakers, tracks and durations, with each session's published time as `previously`
/// (kept by the solver where it can, never pinned).
public struct ScheduleImport: Sendable {
    /// What the file does not say and the organizer must.
    public struct Options: Sendable {
        /// The event's IANA zone, when the file names none (or names the wrong one).
        public var timeZone: String?
        /// Who sends invitations; schedules do not say.
        public var organizer: Organizer
        /// Seats per room name, for rooms the file gives no capacity.
        public var capacities: [String: Int]
        /// Seats assumed for a room nothing gives a capacity.
        public var defaultCapacity: Int

        public init(timeZone: String? = nil, organizer: Organizer, capacities: [String: Int] = [:], defaultCapacity: Int = 100) {
            self.timeZone = timeZone
            self.organizer = organizer
            self.capacities = capacities
            self.defaultCapacity = defaultCapacity
        }
    }

    /// The event, ready to be written as a plan.
    public var event: Event
    /// Names of rooms whose capacity is `defaultCapacity` because nothing gave one.
    public var assumedCapacity: [String]

    /// Reads a schedule file.
    public static func read(path: String, options: Options) throws -> ScheduleImport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProgrammeError("\(path): error: cannot read the schedule file")
        }
        return try ScheduleImport(data: data, file: path, options: options)
    }

    /// Reads a schedule given as bytes; `file` names it in messages.
    public init(data: Data, file: String, options: Options) throws {
        let doc = try ScheduleDocument.read(data, file: file)
        guard let zoneName = options.timeZone ?? doc.timeZone else {
            throw ProgrammeError("\(file): error: the schedule names no time zone; give --time-zone (e.g. Europe/Brussels)")
        }
        guard let zone = ZoneRules(identifier: zoneName) else {
            throw ProgrammeError("\(file): error: unknown time zone '\(zoneName)'; give an IANA name with --time-zone")
        }
        guard !doc.entries.isEmpty else { throw ProgrammeError("\(file): error: the schedule lists no event") }

        // Times and durations first: they decide the slot and the days.
        var placed: [(entry: ScheduleDocument.Entry, start: Instant, minutes: Int)] = []
        for e in doc.entries {
            guard let minutes = Self.minutes(e.duration), minutes > 0 else {
                throw ProgrammeError("\(file): error: \(e.place) (\"\(e.title)\"): duration '\(e.duration)' is not HH:MM")
            }
            let start: Instant
            if let date = e.date {
                start = date
            } else if let day = e.dayDate, let hm = e.start.flatMap(Self.minutes) {
                start = zone.instant(LocalDateTime(date: day, minuteOfDay: 0).adding(minutes: hm))
            } else {
                throw ProgrammeError("\(file): error: \(e.place) (\"\(e.title)\"): no date, or no day and start")
            }
            placed.append((e, start, minutes))
        }
        var slot = doc.timeslot.flatMap(Self.minutes).flatMap { $0 > 0 ? $0 : nil } ?? 5
        for p in placed { slot = Self.gcd(Self.gcd(slot, p.minutes), zone.local(p.start).minuteOfDay) }
        slot = max(1, Self.gcd(slot, 1440))

        var byDate: [LocalDate: (first: Int, last: Int)] = [:]
        for p in placed {
            let a = zone.local(p.start), b = zone.local(p.start.adding(minutes: p.minutes))
            let end = (b.date.daysSinceEpoch - a.date.daysSinceEpoch) * 1440 + b.minuteOfDay
            let old = byDate[a.date] ?? (Int.max, Int.min)
            byDate[a.date] = (min(old.first, a.minuteOfDay), max(old.last, end))
        }
        let days = byDate.keys.sorted().map { date -> EventDay in
            let (first, last) = byDate[date]!
            var opens = first / 60 * 60
            if opens % slot != 0 { opens = first / slot * slot }
            let closes = min(1440, max(last, (last + 59) / 60 * 60))
            let midnight = LocalDateTime(date: date, minuteOfDay: 0)
            return EventDay(date: date, opens: zone.instant(midnight.adding(minutes: opens)),
                            closes: zone.instant(midnight.adding(minutes: closes)))
        }

        var ids = IDMaker()
        var roomIDs: [String: String] = [:], rooms: [Room] = [], assumed: [String] = []
        let roomNames = doc.rooms.map(\.name) + placed.map(\.entry.room)
        for name in roomNames where roomIDs[name] == nil {
            let id = ids.make(name, fallback: "room")
            roomIDs[name] = id
            let given = doc.rooms.first { $0.name == name }?.capacity ?? options.capacities[name]
            if given == nil { assumed.append(name) }
            rooms.append(Room(id: id, name: LocalizedText(en: name), capacity: max(1, given ?? options.defaultCapacity)))
        }

        var trackIDs: [String: String] = [:], tracks: [Track] = []
        for (name, color) in doc.tracks + placed.compactMap({ p in p.entry.track.map { ($0, nil) } }) where trackIDs[name] == nil && !name.isEmpty {
            let id = ids.make(name, fallback: "track")
            trackIDs[name] = id
            let hex = color.flatMap { c in c.count == 7 && c.hasPrefix("#") && c.dropFirst().allSatisfy(\.isHexDigit) ? c.lowercased() : nil }
            tracks.append(Track(id: id, name: LocalizedText(en: name), color: hex))
        }

        var personIDs: [String: String] = [:], people: [Stakeholder] = []
        var sessions: [Session] = []
        var guids = Set<String>(), numbers = Set<Int>()
        for p in placed {
            let e = p.entry
            var required: [String] = []
            for person in e.persons {
                if personIDs[person.key] == nil {
                    let id = ids.make("p-" + person.name, fallback: "p")
                    personIDs[person.key] = id
                    people.append(Stakeholder(id: id, name: Self.oneLine(person.name), email: "", group: .other,
                                              timeZone: zoneName, language: .en))
                }
                if let id = personIDs[person.key], !required.contains(id) { required.append(id) }
            }
            let text = e.language?.lowercased().hasPrefix("ja") == true
                ? { (s: String) in LocalizedText(ja: s) } : { (s: String) in LocalizedText(en: s) }
            let abstract = Self.plainText(e.abstract)
            // A guid or id that is malformed or used twice is left out rather than given to two sessions.
            let guid = e.guid.map { $0.lowercased() }.flatMap { Self.isUUID($0) && guids.insert($0).inserted ? $0 : nil }
            let number = e.id.flatMap { $0 > 0 && numbers.insert($0).inserted ? $0 : nil }
            let origin = Session.Origin(guid: guid, id: number, type: e.type.isEmpty ? nil : Self.oneLine(e.type),
                                        language: e.language.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 })
            sessions.append(Session(
                id: ids.make(e.title, fallback: "session"), title: text(Self.oneLine(e.title)), kind: Self.kind(e.type),
                duration: p.minutes, required: required, track: e.track.flatMap { trackIDs[$0] },
                description: abstract.isEmpty ? nil : text(abstract),
                previously: Session.Pin(room: roomIDs[e.room]!, start: zone.localized(p.start)),
                origin: origin.isEmpty ? nil : origin))
        }
        var eventID = FrabIDs.identifier(doc.acronym ?? doc.title)
        if eventID.isEmpty { eventID = "imported-schedule" }
        event = Event(id: eventID, name: LocalizedText(en: Self.oneLine(doc.title)), kind: .symposium, timeZone: zoneName,
                      slotMinutes: slot, days: days,
                      organizer: options.organizer.name.isEmpty ? Organizer(name: Self.oneLine(doc.title), email: options.organizer.email) : options.organizer, rooms: rooms, stakeholders: people,
                      sessions: sessions, tracks: tracks)
        assumedCapacity = assumed
    }

    /// Minutes in `HH:MM`, `HH:MM:SS` or `D:HH:MM:SS`.
    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmed.split(separator: ":").map { Int($0) }
        guard parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let n = parts.map { $0! }
        switch n.count {
        case 2: return n[0] * 60 + n[1]
        case 3: return n[0] * 60 + n[1] + (n[2] >= 30 ? 1 : 0)
        case 4: return n[0] * 1440 + n[1] * 60 + n[2]
        default: return nil
        }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// frab's event types in Convene's words.
    static func kind(_ type: String) -> SessionKind {
        let t = type.lowercased()
        if t.contains("keynote") || t.contains("plenary") { return .plenary }
        if t.contains("workshop") || t.contains("hands-on") { return .workshop }
        if t.contains("panel") || t.contains("discussion") { return .panel }
        if t.contains("meeting") || t.contains("bof") { return .meeting }
        if t.contains("poster") { return .poster }
        if t.contains("social") || t.contains("party") { return .social }
        if t.contains("symposium") { return .symposium }
        return .seminar
    }

    /// One line of text: control characters and runs of white space become one space.
    static func oneLine(_ s: String) -> String {
        var out = "", space = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace || u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
                space = !out.isEmpty
                continue
            }
            if space { out += " "; space = false }
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal digits.
    static func isUUID(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// An abstract as plain text: HTML tags dropped, entities decoded, one line (plan descriptions are).
    static func plainText(_ html: String) -> String {
        var out = "", i = html.startIndex
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let close = html[i...].firstIndex(of: ">") {
                out += " "
                i = html.index(after: close)
            } else if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                let name = String(html[html.index(after: i)..<semi])
                if let decoded = entity(name) {
                    out += decoded
                    i = html.index(after: semi)
                } else {
                    out.append(c)
                    i = html.index(after: i)
                }
            } else {
                out.append(c)
                i = html.index(after: i)
            }
        }
        return oneLine(out)
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            let number = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            return number.flatMap(Unicode.Scalar.init).map { String($0) }
        }
    }
}

/// Plan ids made from names: lowercase ASCII letters, digits and `-`, at most 48 characters, unique.
struct IDMaker {
    private var used = Set<String>()

    mutating func make(_ name: String, fallback: String) -> String {
        var base = FrabIDs.identifier(name)
        if base.count > 48 { base = String(base.prefix(48)); while base.hasSuffix("-") { base.removeLast() } }
        if base.isEmpty || base == "p" { base = fallback }
        var id = base, n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}
