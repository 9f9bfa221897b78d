public import ConveneCore
public import Foundation

/// Every feed of a publication with its stable file name, and the index that lists them.
///
/// File names come from ids only: `event.ics`, `rooms/ID.ics`, `tracks/ID.ics`,
/// `groups/GROUP.ics`, `people/ID.ics`, and `index.json`.
public enum FeedCatalog {
    /// Where the index is written, relative to the output folder.
    public static let indexPath = "index.json"

    /// The whole event, then rooms, tracks, groups and people, each in a stable order.
    public static func feeds(of publication: Publication) -> [Feed] {
        let event = publication.event
        let name = event.name.bilingual
        var feeds = [Feed(kind: .event, title: name, path: "event.ics")]
        var rooms = event.rooms.map { ($0.id, $0.name.bilingual) }
        for id in Set(publication.entries.map(\.room)) where event.room(id) == nil { rooms.append((id, id)) }
        for (id, title) in rooms.sorted(by: { $0.0 < $1.0 }) {
            feeds.append(Feed(kind: .room(id), title: "\(name) — \(title)", path: "rooms/\(fileName(id)).ics"))
        }
        let tracks = Set(event.sessions.compactMap(\.track) + publication.entries.compactMap(\.session.track))
        for track in tracks.sorted() {
            feeds.append(Feed(kind: .track(track), title: "\(name) — \(event.track(track).name.bilingual)",
                              path: "tracks/\(fileName(track)).ics"))
        }
        let groups = Set(event.stakeholders.map(\.group))
        for group in StakeholderGroup.allCases where groups.contains(group) {
            feeds.append(Feed(kind: .group(group), title: "\(name) — \(groupTitle(group))", path: "groups/\(group.rawValue).ics"))
        }
        for person in event.stakeholders.sorted(by: { $0.id < $1.id }) {
            feeds.append(Feed(kind: .person(person.id), title: "\(event.name.text(in: person.language)) — \(person.name)",
                              path: "people/\(fileName(person.id)).ics", language: person.language))
        }
        return feeds
    }

    /// The index as JSON: `{"event": id, "feeds": [{"kind", "id", "title", "path"}, …]}`, keys sorted.
    ///
    /// Person feeds are listed by id and path only: the index may be shown to anyone.
    public static func index(of feeds: [Feed], event: Event) throws -> Data {
        struct Row: Encodable {
            var kind: String
            var id: String?
            var title: String?
            var path: String
        }
        struct Index: Encodable {
            var event: String
            var feeds: [Row]
        }
        return try JSONFormat.encode(Index(event: event.id, feeds: feeds.map {
            Row(kind: $0.kindName, id: $0.id, title: $0.isPrivate ? nil : $0.title, path: $0.path)
        }))
    }

    /// An id as a file name: letters, digits, `-`, `_` and `.` kept, anything else %-escaped.
    static func fileName(_ id: String) -> String {
        var out = ""
        for u in id.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil || "-_".unicodeScalars.contains(u)
                || (u == "." && !out.isEmpty) {
                out.unicodeScalars.append(u)
            } else {
                out += "%" + String(u.value, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out.isEmpty ? "_" : out
    }

    private static func groupTitle(_ group: StakeholderGroup) -> String {
        switch group {
        case .patient: return "Patient organizations / 患者団体"
        case .industry: return "Industry / 企業"
        case .government: return "Government / 行政"
        case .academia: return "Academia / 研究機関"
        case .clinician: return "Clinicians / 医療者"
        case .other: return "Other / その他"
        }
    }
}
