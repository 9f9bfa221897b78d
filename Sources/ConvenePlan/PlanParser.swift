import ConveneCore
import Yams

/// Where each part of a plan was written, so later checks can point at it.
struct PlanPositions {
    var rooms: [String: PlanNode] = [:]
    var people: [String: PlanNode] = [:]
    var sessions: [String: PlanNode] = [:]
    /// Per session, the node of each field that was written.
    var sessionFields: [String: [String: PlanNode]] = [:]
    var personFields: [String: [String: PlanNode]] = [:]
    var roomFields: [String: [String: PlanNode]] = [:]
    var references: [(session: String, field: String, id: String, node: PlanNode)] = []
    /// Which session holds each imported guid and id.
    var originGuids: [String: String] = [:]
    var originIDs: [Int: String] = [:]
    var days: PlanNode?
    /// Where each series' id is written.
    var series: [String: PlanNode] = [:]
    /// The top-level `apart` list.
    var apart: PlanNode?
}

extension PlanReader {
    /// Reads the whole document; the event is nil only when the plan is too broken to hold one.
    func read(_ root: PlanNode) -> (Event?, PlanPositions) {
        var at = PlanPositions()
        guard let top = fields(root, known: ["event", "rooms", "people", "sessions", "series", "apart", "weights", "templates",
                                             "tracks", "features"],
                               required: ["event", "rooms", "people", "sessions"]) else { return (nil, at) }
        let header = top["event"].flatMap { readHeader($0, &at) }
        let features = readFeatures(top["features"]), tracks = readTracks(top["tracks"])
        let rooms = list(top["rooms"]).compactMap { readRoom($0, &at) }
        let people = list(top["people"]).compactMap { readPerson($0, &at) }
        var sessions = list(top["sessions"]).compactMap { readSession($0, &at) }
        var days = header?.days ?? []
        let series = list(top["series"]).compactMap { readSeries($0, days: &days, sessions: &sessions, &at) }
        let apart = readApart(top["apart"], &at)
        let weights = top["weights"].flatMap(readWeights) ?? Instance.Weights()
        var templates: [String: String] = [:]
        if let t = top["templates"], let pairs = t.pairs ?? { error(t, "'templates' must be a mapping"); return nil }() {
            for (k, v) in pairs {
                guard let name = k.scalar, let body = v.scalar else { error(v, "'\(v.path)' must be text"); continue }
                templates[name] = body
            }
        }
        guard let header else { return (nil, at) }
        if days.isEmpty { error(at.days ?? top["event"]!, "the event has no day: list them in 'event.days', or add a 'series'") }
        let event = Event(
            id: header.id, name: header.name, kind: header.kind, timeZone: header.zone, slotMinutes: header.slot,
            days: days, organizer: header.organizer, rooms: rooms, stakeholders: people, sessions: sessions,
            weights: weights, templates: templates, venue: header.venue, tracks: tracks, features: features,
            breaks: readBreaks(header.breaks, days: days), series: series.isEmpty ? nil : series, apart: apart)
        return (event, at)
    }

    struct Header {
        var id: String, name: LocalizedText, kind: EventKind, zone: String, slot: Int
        var days: [EventDay], organizer: Organizer, venue: Venue?
        /// Read once every day is known, series' days included.
        var breaks: PlanNode?
    }

    private func readHeader(_ node: PlanNode, _ at: inout PlanPositions) -> Header? {
        guard let f = fields(node, known: ["id", "name", "kind", "timeZone", "slotMinutes", "organizer", "days", "venue",
                                           "breaks", "remoteHours"],
                             required: ["id", "name", "timeZone", "organizer"]) else { return nil }
        var zoneName = "UTC"
        if let z = f["timeZone"], let s = text(z) {
            if let rules = ZoneRules(identifier: s) {
                zone = rules
                zoneName = s
            } else {
                error(z, "unknown time zone '\(s)' in 'event.timeZone'; use an IANA name such as Asia/Tokyo")
            }
        }
        let slot = f["slotMinutes"].map { int($0, min: 1) } ?? 15
        if let s = slot, 1440 % s != 0, let n = f["slotMinutes"] {
            error(n, "'event.slotMinutes' is \(s); it must divide a day (5, 10, 15, 30, 60 …)")
        }
        var organizer: Organizer?
        if let o = f["organizer"], let of = fields(o, known: ["name", "email"], required: ["name", "email"]) {
            if let name = text(of["name"]), let email = emailAddress(of["email"]) {
                organizer = Organizer(name: name, email: email)
            }
        }
        at.days = f["days"]
        var days: [EventDay] = []
        for d in list(f["days"]) {
            guard let df = fields(d, known: ["date", "opens", "closes"], required: ["date", "opens", "closes"]),
                  let dateNode = df["date"], let written = text(dateNode) else { continue }
            let ds = asciiDigits(written, dateNode)
            guard let date = LocalDate.parse(ds) else {
                error(dateNode, "'\(dateNode.path)' is '\(ds)'; write a date as \"YYYY-MM-DD\"")
                continue
            }
            guard let opens = clock(df["opens"], on: date), let closes = clock(df["closes"], on: date) else { continue }
            guard opens < closes else { error(df["closes"]!, "'\(d.path)' closes before it opens"); continue }
            if days.contains(where: { $0.date == date }) { error(dateNode, "day \(ds) is listed twice"); continue }
            days.append(EventDay(date: date, opens: opens, closes: closes))
        }
        if let h = f["remoteHours"] { remoteHours = readHours(h, defaults: remoteHours) }
        guard let id = identifier(f["id"]), let name = localized(f["name"]), let organizer else { return nil }
        let kind = f["kind"].map { enumValue($0, EventKind.self) } ?? .forum
        guard let kind, let slot else { return nil }
        return Header(id: id, name: name, kind: kind, zone: zoneName, slot: slot, days: days.sorted { $0.date < $1.date },
                      organizer: organizer, venue: f["venue"].flatMap(readVenue), breaks: f["breaks"])
    }

    private func clock(_ node: PlanNode?, on date: LocalDate) -> Instant? {
        minuteOfDay(node).map { instant(date, $0) }
    }

    /// A time of day, `"HH:MM"` (up to `24:00`), as minutes after midnight.
    func minuteOfDay(_ node: PlanNode?) -> Int? {
        guard let node, let written = text(node) else { return nil }
        let s = asciiDigits(written, node)
        let parts = s.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 1440 else {
            error(node, "'\(node.path)' is '\(s)'; write a time of day as \"HH:MM\"")
            return nil
        }
        return h * 60 + m
    }

    /// The instant the event's clock shows `minute` minutes after midnight on `date`.
    func instant(_ date: LocalDate, _ minute: Int) -> Instant {
        zone.instant(LocalDateTime(date: date, minuteOfDay: 0).adding(minutes: minute))
    }

    func emailAddress(_ node: PlanNode?) -> String? {
        guard let node, let s = text(node) else { return nil }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let labels = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false) : []
        let ok = parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(allowedLocal.contains)
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && labels.count >= 2
            && labels.allSatisfy { l in
                !l.isEmpty && !l.hasPrefix("-") && !l.hasSuffix("-") && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        guard ok else {
            error(node, "'\(node.path)' is '\(s)', not an e-mail address like name@example.org")
            return nil
        }
        return s
    }

    private func readRoom(_ node: PlanNode, _ at: inout PlanPositions) -> Room? {
        guard let f = fields(node, known: ["id", "name", "capacity", "features", "closures", "online", "turnover"],
                             required: ["id", "capacity"]) else { return nil }
        guard let id = identifier(f["id"]) else { return nil }
        if let first = at.rooms[id] {
            error(f["id"]!, "duplicate room id '\(id)' (first defined at line \(first.line))")
            return nil
        }
        at.rooms[id] = f["id"]!
        at.roomFields[id] = f
        let name = f["name"].flatMap { localized($0) } ?? LocalizedText(en: id)
        let features = list(f["features"]).compactMap { text($0) }
        let turnover = f["turnover"].map { int($0, min: 0) } ?? 0
        guard let capacity = int(f["capacity"], min: 1), let turnover else { return nil }
        return Room(id: id, name: name, capacity: capacity, features: features, closures: periods(f["closures"]),
                    online: f["online"].flatMap(readOnline), turnover: turnover == 0 ? nil : turnover)
    }

    private func readPerson(_ node: PlanNode, _ at: inout PlanPositions) -> Stakeholder? {
        guard let f = fields(node, known: ["id", "name", "email", "organization", "group", "role", "timeZone",
                                           "language", "calendars", "unavailable", "public", "remote", "hours"],
                             required: ["id", "name", "group"]) else { return nil }
        guard let id = identifier(f["id"]) else { return nil }
        if let first = at.people[id] {
            error(f["id"]!, "duplicate person id '\(id)' (first defined at line \(first.line))")
            return nil
        }
        at.people[id] = f["id"]!
        at.personFields[id] = f
        var zoneName = zone.identifier
        if let z = f["timeZone"], let s = text(z) {
            if ZoneRules(identifier: s) != nil { zoneName = s } else {
                error(z, "unknown time zone '\(s)' in '\(z.path)'; use an IANA name such as Europe/Paris")
            }
        }
        let name = text(f["name"]), email = f["email"] == nil ? "" : emailAddress(f["email"])
        let group = enumValue(f["group"], StakeholderGroup.self)
        let language = f["language"].map { enumValue($0, Language.self) } ?? .ja
        let organization = f["organization"].flatMap { text($0) }
        let role = f["role"].flatMap { text($0) }
        let calendars = list(f["calendars"]).compactMap { text($0) }
        let unavailable = periods(f["unavailable"])
        let listed = f["public"].flatMap(bool)
        let remote = f["remote"].map(bool) ?? false
        let hours = personHours(f, remote: remote, zone: zoneName)
        guard let name, let email, let group, let language, let remote else { return nil }
        return Stakeholder(id: id, name: name, email: email, organization: organization, group: group, role: role,
                           timeZone: zoneName, language: language, unavailable: unavailable, calendars: calendars,
                           listed: listed, remote: remote ? true : nil, hours: hours)
    }

    func readSession(_ node: PlanNode, _ at: inout PlanPositions) -> Session? {
        guard let f = fields(node, known: ["id", "title", "kind", "duration", "audience", "required", "optional",
                                           "features", "windows", "preferred", "after", "priority", "pin", "track",
                                           "description", "composition", "online", "previously", "exclusive", "pick", "origin"],
                             required: ["id", "title", "duration"]) else { return nil }
        guard let id = identifier(f["id"]) else { return nil }
        if let first = at.sessions[id] {
            error(f["id"]!, "duplicate session id '\(id)' (first defined at line \(first.line))")
            return nil
        }
        at.sessions[id] = f["id"]!
        at.sessionFields[id] = f
        let title = localized(f["title"])
        let kind = f["kind"].map { enumValue($0, SessionKind.self) } ?? .seminar
        let duration = int(f["duration"], min: 1)
        let audience = f["audience"].map { int($0) } ?? 0
        let priority = f["priority"].map { int($0, min: 1) } ?? 1
        var refs: [String: [String]] = [:]
        for field in ["required", "optional", "after"] {
            refs[field] = identifiers(f[field]).map { (ref, n) in
                at.references.append((id, field, ref, n))
                return ref
            }
        }
        var pin: Session.Pin?
        if let p = f["pin"], let pf = fields(p, known: ["room", "start"], required: ["room", "start"]) {
            if let room = identifier(pf["room"]), let start = instant(pf["start"]) {
                pin = Session.Pin(room: room, start: start)
            }
        }
        let (composition, limits) = readComposition(f["composition"])
        let exclusive = f["exclusive"].map(bool) ?? false
        let pick = readPicks(f["pick"])
        let features = list(f["features"]).compactMap { text($0) }
        let track = f["track"].flatMap(trackReference)
        let description = f["description"].flatMap { localized($0, limit: PlanLimits.descriptionCharacters) }
        let windows = periods(f["windows"]), preferred = periods(f["preferred"])
        let origin = f["origin"].flatMap { readOrigin($0, session: id, &at) }
        guard let title, let kind, let duration, let audience, let priority, let exclusive else { return nil }
        return Session(
            id: id, title: title, kind: kind, duration: duration, required: refs["required"] ?? [],
            optional: refs["optional"] ?? [], audience: audience, features: features, windows: windows,
            preferred: preferred, after: refs["after"] ?? [], priority: priority, pin: pin, track: track,
            description: description, composition: composition, online: f["online"].flatMap(readOnline),
            previously: f["previously"].flatMap { readPreviously($0, at) }, exclusive: exclusive ? true : nil,
            pick: pick.isEmpty ? nil : pick, limits: limits.isEmpty ? nil : limits,
            origin: origin)
    }

    /// One weight per soft term of the rule book; terms left out take their defaults.
    private func readWeights(_ node: PlanNode) -> Instance.Weights? {
        guard let f = fields(node, known: Set(RuleBook.softTermNames)) else { return nil }
        var weights = Instance.Weights()
        for (term, value) in f { if let w = int(value) { weights[term] = w } }
        return weights
    }
}
