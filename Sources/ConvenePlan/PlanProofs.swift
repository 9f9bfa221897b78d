import ConveneCore
import Foundation

/// What `check` proves with the rule book before any solve: every session fits some room at some
/// start, pins break no rule, composition rules can be met; and what only deserves a warning.
extension PlanReader {
    func prove(_ event: Event, _ at: PlanPositions) {
        let composition = Dictionary(event.sessions.map { ($0.id, $0.composition) }, uniquingKeysWith: { a, _ in a })
        let facts = Facts(event.instance(), plan: PlanFacts(composition: composition))
        // Calendars count where a session could never be held at all, as `unavailable:` does; a pin
        // over a calendar entry is a conflict `conflicts` lists after import, not a broken plan.
        let withCalendars = busy.isEmpty ? facts : Facts(event.instance(busy: busy), plan: PlanFacts(composition: composition))
        let words = Wording(event: event)
        let roomFeatures = Set(event.rooms.flatMap(\.features))
        for (i, s) in facts.sessions.enumerated() {
            guard let node = at.sessions[s.id] else { continue }
            let f = at.sessionFields[s.id] ?? [:]
            if let written = f["composition"] {
                let sure = Self.sureCandidates(event.session(s.id), event)
                for rule in s.composition {
                    let lacking = StakeholderMixRule().missing(rule, participants: s.required + sure, in: facts)
                    guard !lacking.isEmpty else { continue }
                    error(written, "session '\(s.id)' must include a required participant from each of "
                        + "\(rule.groups.map(\.rawValue).joined(separator: ", ")); none is from \(lacking.map(\.rawValue).joined(separator: ", "))"
                        + (event.session(s.id)?.pick == nil
                            ? "" : " (a pick group counts for a group when every choice it can make includes someone from it)"))
                }
            }
            // A pin to an unknown room is reported where the plan is read.
            if let pin = s.fixed, facts.roomIndex[pin.room] == nil { continue }
            // A pin is judged where it stands (below), unless no day holds it at all.
            // Required people kept apart are reported once, by the picks' check, where they are named.
            if let misfit = s.fixed == nil || facts.fit(i).starts.isEmpty ? withCalendars.misfit(i) : nil, misfit.kind != .apartTogether {
                var text = misfit.text
                if misfit.kind == .missingFeature {
                    for feature in s.features where !roomFeatures.contains(feature) {
                        if let guess = closest(feature, among: roomFeatures) { text += " (did you mean '\(guess)'?)" }
                    }
                }
                error((s.fixed != nil ? f["pin"] : field(for: misfit.kind, f)) ?? node, "session '\(s.id)' can never be scheduled: \(text)")
                continue
            }
            for (name, list) in [("windows", s.hasWindows ? event.session(s.id)?.windows ?? [] : []),
                                 ("preferred", event.session(s.id)?.preferred ?? [])] where !event.days.isEmpty {
                for w in list where !event.days.contains(where: { $0.hours.overlaps(w) }) {
                    error(f[name] ?? node, "a \(name == "windows" ? "window" : "preferred time") of session '\(s.id)' falls on no day of the event")
                }
            }
            if let pin = s.fixed, let r = facts.roomIndex[pin.room] {
                let review = Review(facts, placements: [(i, r, pin.start, [])])
                for rule in RuleBook.hard where rule.kind != .composition {
                    for b in rule.breaches(in: review) where b.sessions.contains(s.id) {
                        error(f["pin"] ?? node, "session '\(s.id)' is pinned where a rule is broken: \(rule.reason(b, in: review, words))")
                    }
                }
            }
        }
        warnAboutRooms(event, facts, at)
    }

    /// The field a broken rule is about, to point at it.
    private func field(for kind: Conflict.Kind, _ f: [String: PlanNode]) -> PlanNode? {
        switch kind {
        case .outsideDays: return f["duration"]
        case .roomTooSmall: return f["audience"]
        case .missingFeature: return f["features"]
        case .outsideWindows: return f["windows"]
        case .personUnavailable, .outsideHours: return f["required"]
        case .pinMoved: return f["pin"]
        default: return nil
        }
    }

    /// Rooms no session can use, and room features that look like a session's feature mistyped.
    private func warnAboutRooms(_ event: Event, _ facts: Facts, _ at: PlanPositions) {
        let asked = Set(event.sessions.flatMap(\.features))
        for room in facts.rooms {
            guard let node = at.rooms[room.id] else { continue }
            let f = at.roomFields[room.id] ?? [:]
            if !facts.sessions.isEmpty,
               !facts.sessions.contains(where: { s in RuleBook.roomRules.allSatisfy { $0.admits(s, in: room) } }) {
                let smallest = facts.sessions.map(\.audience).min() ?? 0
                warning(f["capacity"] ?? node, facts.sessions.allSatisfy { !CapacityRule().admits($0, in: room) }
                    ? "room '\(room.id)' seats \(room.capacity), fewer than any session expects (the smallest audience is \(smallest))"
                    : "no session can use room '\(room.id)': each expects more seats or a feature it lacks")
            }
            for feature in room.features.sorted() where !asked.contains(feature) {
                guard let guess = closest(feature, among: asked) else { continue }
                warning(f["features"] ?? node, "room '\(room.id)' offers '\(feature)', which no session asks for; did you mean '\(guess)'?")
            }
        }
    }

    /// The name within two edits of `word`, if there is one.
    private func closest(_ word: String, among names: Set<String>) -> String? {
        names.filter { $0 != word }.map { ($0, editDistance($0, word)) }.filter { $0.1 <= 2 }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Calendar files that are missing, empty, or not iCalendar (a saved web page, say): import would fail on them.
    func checkCalendars(_ event: Event, _ at: PlanPositions) {
        let directory = (file as NSString).deletingLastPathComponent
        for p in event.stakeholders {
            guard let items = at.personFields[p.id]?["calendars"]?.items else { continue }
            for (name, node) in zip(p.calendars, items) {
                let path = name.hasPrefix("/") || directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
                if let problem = Self.calendarProblem(path) { error(node, "calendar '\(name)' of '\(p.id)' \(problem)") }
            }
        }
    }

    /// What is wrong with a calendar file at first sight, or nil.
    static func calendarProblem(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "does not exist (\(path))" }
        guard !isDirectory.boolValue else { return "is a folder, not a file" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot be read" }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        var text = Substring(String(decoding: head, as: UTF8.self))
        while let c = text.first, c == "\u{FEFF}" || c.isWhitespace { text = text.dropFirst() }
        if text.isEmpty { return head.isEmpty ? "is empty" : "holds only blank lines" }
        if text.hasPrefix("<") { return "is HTML or XML, not an iCalendar file (was a web page saved instead of the calendar export?)" }
        guard text.uppercased().hasPrefix("BEGIN:VCALENDAR") else {
            return "is not an iCalendar file: it does not start with BEGIN:VCALENDAR"
        }
        return nil
    }
}
