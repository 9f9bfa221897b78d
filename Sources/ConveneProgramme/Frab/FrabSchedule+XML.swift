import ConveneCore

extension FrabSchedule {
    /// `schedule.xml` as c3voc's schedule XSD describes it.
    public var xml: String {
        let say = programme.wording
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n"
        out += "  <generator name=\"\(x(Self.generator.name))\" version=\"\(x(Self.generator.version))\"/>\n"
        if let baseURL { out += "  <url>\(x(baseURL))/schedule.xml</url>\n" }
        out += "  <version>\(x(version))</version>\n  <conference>\n"
        out += "    <title>\(x(programme.title))</title>\n    <acronym>\(x(acronym))</acronym>\n"
        if let first = firstDate, let last = lastDate {
            out += "    <start>\(first.iso8601)</start>\n    <end>\(last.iso8601)</end>\n"
        }
        out += "    <days>\(days.count)</days>\n    <timeslot_duration>\(timeslot)</timeslot_duration>\n"
        if let baseURL { out += "    <base_url>\(x(baseURL))/</base_url>\n    <url>\(x(baseURL))/</url>\n" }
        out += "    <time_zone_name>\(x(programme.zone.identifier))</time_zone_name>\n"
        for t in tracks {
            let color = t.color.map { " color=\"\(x($0))\"" } ?? ""
            out += "    <track name=\"\(x(t.name))\" slug=\"\(x(t.slug))\"\(color)>\(x(t.name))</track>\n"
        }
        out += "  </conference>\n"
        let guids = Dictionary(rooms.map { ($0.room.id, $0.guid) }, uniquingKeysWith: { a, _ in a })
        for day in days {
            out += "  <day index=\"\(day.index)\" date=\"\(day.date.iso8601)\" start=\"\(day.start.iso8601)\" end=\"\(day.end.iso8601)\">\n"
            for (room, name, events) in day.rooms {
                let guid = guids[room.id].map { " guid=\"\($0)\"" } ?? ""
                out += "    <room name=\"\(x(name))\"\(guid)>\n"
                for e in events { out += event(e, room: name, say) }
                out += "    </room>\n"
            }
            out += "  </day>\n"
        }
        return out + "</schedule>\n"
    }

    private func event(_ e: Event, room: String, _ say: LanguageChoice) -> String {
        let item = e.item
        var out = "      <event guid=\"\(e.guid)\" id=\"\(e.id)\">\n"
        out += "        <room>\(x(room))</room>\n        <title>\(x(item.title))</title>\n        <subtitle></subtitle>\n"
        out += "        <type>\(x(item.origin?.type ?? item.kind.rawValue))</type>\n        <date>\(item.start.iso8601)</date>\n"
        out += "        <start>\(item.localStart.timeText)</start>\n"
        out += "        <duration>\(Self.hoursMinutes(item.end.minutes(since: item.start)))</duration>\n"
        out += "        <abstract>\(x(item.description ?? ""))</abstract>\n        <slug>\(x(e.slug))</slug>\n"
        out += "        <track>\(x(item.trackName ?? ""))</track>\n"
        if let language = item.origin?.language ?? say.language?.rawValue { out += "        <language>\(x(language))</language>\n" }
        out += "        <persons>\n"
        for p in e.persons { out += "          <person id=\"\(p.id)\" guid=\"\(p.guid)\">\(x(p.name))</person>\n" }
        out += "        </persons>\n        <links>\n"
        for l in e.links { out += "          <link href=\"\(x(l.url))\">\(x(l.title))</link>\n" }
        out += "        </links>\n        <attachments>\n        </attachments>\n"
        if let url = e.url { out += "        <url>\(x(url))</url>\n" }
        return out + "      </event>\n"
    }

    /// Text for XML content and attributes; characters XML 1.0 cannot hold are dropped.
    private func x(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += "&#\(u.value);"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
