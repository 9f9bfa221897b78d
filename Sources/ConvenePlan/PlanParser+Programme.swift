import ConveneCore

/// The fields that make a programme readable: venue, track names, feature names, online links,
/// who may be named in public, and where an earlier schedule had each session.
extension PlanReader {
    /// `venue: {name, address, map}`.
    func readVenue(_ node: PlanNode) -> Venue? {
        guard let f = fields(node, known: ["name", "address", "map"], required: ["name"]),
              let name = localized(f["name"]) else { return nil }
        return Venue(name: name, address: f["address"].flatMap { localized($0) }, map: f["map"].flatMap(webLink))
    }

    /// `tracks: [{id, name, color}]`; from here on a session's track must be one of them.
    func readTracks(_ node: PlanNode?) -> [Track] {
        guard let node else { return [] }
        var seen: [String: PlanNode] = [:]
        let tracks = list(node).compactMap { item -> Track? in
            guard let f = fields(item, known: ["id", "name", "color"], required: ["id"]), let id = identifier(f["id"]) else { return nil }
            if let first = seen[id] {
                error(f["id"]!, "duplicate track id '\(id)' (first defined at line \(first.line))")
                return nil
            }
            seen[id] = f["id"]!
            var color: String?
            if let c = f["color"], let s = text(c) {
                let hex = s.dropFirst()
                if s.hasPrefix("#"), hex.count == 6, hex.allSatisfy(\.isHexDigit) { color = s.lowercased() } else {
                    error(c, "'\(c.path)' is '\(s)'; write a colour as \"#rrggbb\"")
                }
            }
            return Track(id: id, name: f["name"].flatMap { localized($0) } ?? LocalizedText(en: id), color: color)
        }
        declaredTracks = Set(seen.keys)
        return tracks
    }

    /// `features: [{id, name, accessibility, perSession}]`: names for features beyond the built-in ones.
    func readFeatures(_ node: PlanNode?) -> [Feature] {
        var declared = Set<String>()
        let features = list(node).compactMap { item -> Feature? in
            guard let f = fields(item, known: ["id", "name", "accessibility", "perSession"], required: ["id", "name"]),
                  let id = identifier(f["id"]), let name = localized(f["name"]) else { return nil }
            if Feature.builtIn.contains(where: { $0.id == id }) || declared.contains(id) {
                error(f["id"]!, "feature '\(id)' is \(declared.contains(id) ? "declared twice" : "built in"); remove this entry")
                return nil
            }
            declared.insert(id)
            return Feature(id: id, name: name, accessibility: f["accessibility"].flatMap(bool) ?? true,
                           perSession: f["perSession"].flatMap(bool) ?? false)
        }
        return features
    }

    /// A session's track: any id, or one of `tracks` when the plan lists them.
    func trackReference(_ node: PlanNode) -> String? {
        guard let id = identifier(node) else { return nil }
        if let declared = declaredTracks, !declared.contains(id) {
            let hint = declared.min { editDistance($0, id) < editDistance($1, id) }
                .flatMap { editDistance($0, id) <= 3 ? " (did you mean '\($0)'?)" : nil } ?? ""
            error(node, "unknown track '\(id)' in '\(node.path)'\(hint); 'tracks' lists \(declared.sorted().joined(separator: ", "))")
            return nil
        }
        return id
    }

    /// `online: URL` or `online: {url, private}`.
    func readOnline(_ node: PlanNode) -> OnlineLink? {
        if node.scalar != nil { return webLink(node).map { OnlineLink(url: $0) } }
        guard let f = fields(node, known: ["url", "private"], required: ["url"]), let url = webLink(f["url"]) else { return nil }
        return OnlineLink(url: url, isPrivate: f["private"].flatMap(bool) ?? false)
    }

    /// `previously: {room, start}`: where an earlier schedule had the session.
    func readPreviously(_ node: PlanNode, _ at: PlanPositions) -> Session.Pin? {
        guard let f = fields(node, known: ["room", "start"], required: ["room", "start"]),
              let room = identifier(f["room"]), let start = instant(f["start"]) else { return nil }
        guard at.rooms[room] != nil else {
            error(f["room"]!, "'\(f["room"]!.path)' names unknown room '\(room)'")
            return nil
        }
        return Session.Pin(room: room, start: start)
    }

    /// `origin: {guid, id, type, language}`: what the schedule a session was imported from said of it.
    /// A guid is a UUID and an id a positive number, each used by one session only: schedule apps key
    /// favourites on them.
    func readOrigin(_ node: PlanNode, session: String, _ at: inout PlanPositions) -> Session.Origin? {
        guard let f = fields(node, known: ["guid", "id", "type", "language"]) else { return nil }
        var origin = Session.Origin(type: text(f["type"]), language: text(f["language"]))
        if let node = f["guid"], let guid = text(node) {
            let hex = guid.split(separator: "-", omittingEmptySubsequences: false)
            guard hex.map(\.count) == [8, 4, 4, 4, 12], hex.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else {
                error(node, "'\(node.path)' is '\(guid)', not a UUID like 6ba7b811-9dad-11d1-80b4-00c04fd430c8")
                return nil
            }
            if let first = at.originGuids[guid.lowercased()] {
                error(node, "'\(node.path)': guid \(guid) is also session '\(first)'s")
                return nil
            }
            at.originGuids[guid.lowercased()] = session
            origin.guid = guid.lowercased()
        }
        if let node = f["id"], let id = int(node, min: 1) {
            if let first = at.originIDs[id] {
                error(node, "'\(node.path)': id \(id) is also session '\(first)'s")
                return nil
            }
            at.originIDs[id] = session
            origin.id = id
        }
        return origin.isEmpty ? nil : origin
    }

    /// An http or https URL with a host and no spaces or control characters.
    func webLink(_ node: PlanNode?) -> String? {
        guard let node, let s = text(node) else { return nil }
        let lower = s.lowercased()
        let rest = lower.hasPrefix("https://") ? s.dropFirst(8) : lower.hasPrefix("http://") ? s.dropFirst(7) : nil
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !s.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0) })
        else {
            error(node, "'\(node.path)' is '\(s)', not a web address like https://example.org/path")
            return nil
        }
        return s
    }

    /// `true` or `false`.
    func bool(_ node: PlanNode) -> Bool? {
        switch node.scalar?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "'\(node.path)' must be true or false, not '\(node.scalar ?? node.kindName)'")
            return nil
        }
    }
}
