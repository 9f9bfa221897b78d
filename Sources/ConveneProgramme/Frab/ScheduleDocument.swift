import ConveneCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A schedule.xml or schedule.json as read, before it becomes a plan: the conference, and every
/// event with its room, start, duration, track and persons, in file order.
struct ScheduleDocument {
    struct Person: Hashable {
        /// The file's own key for the person (id, code or guid), else the name.
        var key: String
        var name: String
    }

    struct Entry {
        /// The event's own guid and numeric id, when the file gives them.
        var guid: String?
        var id: Int?
        var title: String
        var type: String
        var language: String?
        var abstract: String
        var track: String?
        var room: String
        /// The start with its offset, when the file gives one (frab and pretalx `date`).
        var date: Instant?
        /// The day's date and `HH:MM`, when it does not (pentabarf).
        var dayDate: LocalDate?
        var start: String?
        var duration: String
        var persons: [Person]
        /// Where in the file, for messages.
        var place: String
    }

    var title: String
    var acronym: String?
    var timeZone: String?
    var timeslot: String?
    var rooms: [(name: String, capacity: Int?)] = []
    var tracks: [(name: String, color: String?)] = []
    var entries: [Entry] = []
}

extension ScheduleDocument {
    /// Reads either format, told apart by the first character that is not white space.
    static func read(_ data: Data, file: String) throws -> ScheduleDocument {
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "<") ? try xml(data, file: file) : try json(data, file: file)
    }

    // MARK: JSON (frab, pretalx, indico)

    static func json(_ data: Data, file: String) throws -> ScheduleDocument {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw ProgrammeError("\(file): error: neither XML nor JSON: \(error.localizedDescription)")
        }
        guard let schedule = (root as? [String: Any])?["schedule"] as? [String: Any],
              let conference = schedule["conference"] as? [String: Any] else {
            throw ProgrammeError("\(file): error: no schedule.conference: not a frab or pretalx schedule.json")
        }
        var doc = ScheduleDocument(title: conference["title"] as? String ?? "Imported schedule",
                                   acronym: conference["acronym"] as? String, timeZone: conference["time_zone_name"] as? String,
                                   timeslot: conference["timeslot_duration"] as? String)
        for r in conference["rooms"] as? [[String: Any]] ?? [] {
            if let name = r["name"] as? String { doc.rooms.append((name, (r["capacity"] as? NSNumber)?.intValue)) }
        }
        for t in conference["tracks"] as? [[String: Any]] ?? [] {
            if let name = t["name"] as? String { doc.tracks.append((name, t["color"] as? String)) }
        }
        for (d, day) in (conference["days"] as? [[String: Any]] ?? []).enumerated() {
            let dayDate = (day["date"] as? String).flatMap(LocalDate.parse)
            let rooms = day["rooms"] as? [String: Any] ?? [:]
            for roomName in rooms.keys.sorted() {
                for (i, e) in (rooms[roomName] as? [[String: Any]] ?? []).enumerated() {
                    let place = "conference.days[\(d)].rooms[\"\(roomName)\"][\(i)]"
                    guard let title = e["title"] as? String else { throw ProgrammeError("\(file): error: \(place) has no title") }
                    let persons = (e["persons"] as? [[String: Any]] ?? []).compactMap { p -> Person? in
                        guard let name = (p["public_name"] as? String) ?? (p["name"] as? String), !name.isEmpty else { return nil }
                        let key = [p["id"].map { "\($0)" }, p["code"] as? String, p["guid"] as? String].compactMap { $0 }.first
                        return Person(key: key ?? name, name: name)
                    }
                    doc.entries.append(Entry(
                        guid: e["guid"] as? String, id: (e["id"] as? NSNumber)?.intValue ?? (e["id"] as? String).flatMap { Int($0) },
                        title: title, type: e["type"] as? String ?? "", language: e["language"] as? String,
                        abstract: [e["abstract"] as? String, e["description"] as? String].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n"),
                        track: e["track"] as? String, room: e["room"] as? String ?? roomName,
                        date: (e["date"] as? String).flatMap { Instant(iso8601: $0) }, dayDate: dayDate,
                        start: e["start"] as? String, duration: e["duration"] as? String ?? "", persons: persons, place: place))
                }
            }
        }
        return doc
    }

    // MARK: XML (frab, pentabarf, pretalx)

    static func xml(_ data: Data, file: String) throws -> ScheduleDocument {
        let tree = XMLTree()
        let parser = XMLParser(data: data)
        parser.delegate = tree
        guard parser.parse(), let root = tree.root else {
            throw ProgrammeError("\(file):\(parser.lineNumber): error: not well-formed XML: \(parser.parserError?.localizedDescription ?? "unknown")")
        }
        guard root.name == "schedule", let conference = root.child("conference") else {
            throw ProgrammeError("\(file): error: no <schedule><conference>: not a frab or pentabarf schedule.xml")
        }
        var doc = ScheduleDocument(title: conference.text("title") ?? "Imported schedule", acronym: conference.text("acronym"),
                                   timeZone: conference.text("time_zone_name"), timeslot: conference.text("timeslot_duration"))
        for t in conference.children("track") + (root.child("tracks")?.children("track") ?? []) {
            let name = t.attributes["name"] ?? t.content.trimmed
            if !name.isEmpty { doc.tracks.append((name, t.attributes["color"])) }
        }
        for day in root.children("day") {
            let dayDate = day.attributes["date"].flatMap(LocalDate.parse)
            for room in day.children("room") {
                let roomName = room.attributes["name"] ?? ""
                if !doc.rooms.contains(where: { $0.name == roomName }) { doc.rooms.append((roomName, nil)) }
                for e in room.children("event") {
                    let place = "line \(e.line)"
                    guard let title = e.text("title") else { throw ProgrammeError("\(file):\(e.line): error: an event has no <title>") }
                    let persons = (e.child("persons")?.children("person") ?? []).compactMap { p -> Person? in
                        let name = p.content.trimmed
                        return name.isEmpty ? nil : Person(key: p.attributes["id"] ?? p.attributes["guid"] ?? name, name: name)
                    }
                    doc.entries.append(Entry(
                        guid: e.attributes["guid"], id: e.attributes["id"].flatMap { Int($0) },
                        title: title, type: e.text("type") ?? "", language: e.text("language"),
                        abstract: [e.text("abstract"), e.text("description")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n"),
                        track: e.text("track"), room: e.text("room") ?? roomName, date: e.text("date").flatMap { Instant(iso8601: $0) },
                        dayDate: dayDate, start: e.text("start"), duration: e.text("duration") ?? "", persons: persons, place: place))
                }
            }
        }
        return doc
    }
}

/// A minimal element tree, enough to walk a schedule.xml.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [XMLElement] = []
    var content = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
    /// The trimmed text of a child element; nil when it is missing or empty.
    func text(_ name: String) -> String? { child(name).map(\.content.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
}

final class XMLTree: NSObject, XMLParserDelegate {
    var root: XMLElement?
    private var stack: [XMLElement] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        let element = XMLElement(name: name, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.content += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { stack.last?.content += String(decoding: block, as: UTF8.self) }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
