import ConveneCore
import Foundation

extension FrabSchedule {
    /// `schedule.json` as c3voc's schedule JSON Schema describes it, with sorted keys.
    public func json() throws -> String {
        let say = programme.wording
        var conference: [String: Any] = [
            "acronym": acronym, "title": programme.title, "daysCount": days.count, "timeslot_duration": timeslot,
            "time_zone_name": programme.zone.identifier,
            "rooms": rooms.map { ["name": $0.name, "guid": $0.guid, "capacity": $0.room.capacity] as [String: Any] },
            "tracks": tracks.map { t -> [String: Any] in
                var d: [String: Any] = ["name": t.name, "slug": t.slug]
                if let c = t.color { d["color"] = c }
                return d
            },
            "days": days.map { day -> [String: Any] in
                var rooms: [String: Any] = [:]
                for (_, name, events) in day.rooms { rooms[name] = events.map { event($0, room: name, say) } }
                return ["index": day.index, "date": day.date.iso8601, "day_start": day.start.iso8601,
                        "day_end": day.end.iso8601, "rooms": rooms]
            },
        ]
        if let first = firstDate, let last = lastDate {
            conference["start"] = first.iso8601
            conference["end"] = last.iso8601
        }
        if let baseURL { conference["url"] = baseURL + "/" }
        if let venue = programme.event.venue {
            var meta: [String: Any] = ["venue": say(venue.name)]
            if let a = venue.address { meta["address"] = say(a) }
            if let m = venue.map { meta["map"] = m }
            conference["meta"] = meta
        }
        var schedule: [String: Any] = ["version": version, "conference": conference]
        if let baseURL { schedule["base_url"] = baseURL + "/" }
        let root: [String: Any] = [
            "$schema": "https://c3voc.de/schedule/schema.json",
            "generator": ["name": Self.generator.name, "version": Self.generator.version],
            "schedule": schedule,
        ]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func event(_ e: Event, room: String, _ say: LanguageChoice) -> [String: Any] {
        let item = e.item
        return [
            "guid": e.guid, "id": e.id, "title": item.title, "subtitle": "", "type": item.origin?.type ?? item.kind.rawValue,
            "date": item.start.iso8601, "end": item.end.iso8601, "start": item.localStart.timeText,
            "duration": Self.hoursMinutes(item.end.minutes(since: item.start)), "room": room, "slug": e.slug,
            "url": e.url ?? "urn:uuid:\(e.guid)", "track": item.trackName ?? NSNull(),
            "language": item.origin?.language ?? say.language?.rawValue ?? NSNull(), "abstract": item.description ?? "", "description": "",
            "persons": e.persons.map { ["id": $0.id, "guid": $0.guid, "public_name": $0.name] as [String: Any] },
            "links": e.links.map { ["url": $0.url, "title": $0.title] },
            "attachments": [] as [Any],
        ]
    }
}
