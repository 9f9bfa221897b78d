import ConveneCore
import Foundation

/// What the `room`, `person` and `session` rows share: key columns for queries,
/// the whole domain value as JSON in `data`, and `removed_at` once the plan drops it.
protocol EntityRecord: SQLRecord {
    associatedtype Value: Codable & Identifiable<String>
    var id: String { get }
    var position: Int { get set }
    var data: String { get }
    var removedAt: Instant? { get set }
    init(_ value: Value, eventId: String, position: Int) throws
}

extension EntityRecord {

    func value() throws -> Value { try JSONDecoder().decode(Value.self, from: Data(data.utf8)) }
}

/// A row of `room`.
struct RoomRecord: EntityRecord {
    static let databaseTableName = "room"
    static let primaryKey = ["event_id", "id"]
    var id: String, eventId: String, position: Int, name: String, data: String, removedAt: Instant?

    init(_ room: Room, eventId: String, position: Int) throws {
        (id, self.eventId, self.position, name, data, removedAt) = (room.id, eventId, position, room.name.bilingual, try json(room), nil)
    }
}

/// A row of `person`.
struct PersonRecord: EntityRecord {
    static let databaseTableName = "person"
    static let primaryKey = ["event_id", "id"]
    var id: String, eventId: String, position: Int, name: String, email: String, stakeholderGroup: String
    var data: String, removedAt: Instant?

    init(_ p: Stakeholder, eventId: String, position: Int) throws {
        (id, self.eventId, self.position, name, email, stakeholderGroup) = (p.id, eventId, position, p.name, p.email, p.group.rawValue)
        (data, removedAt) = (try json(p), nil)
    }
}

/// A row of `session`.
struct SessionRecord: EntityRecord {
    static let databaseTableName = "session"
    static let primaryKey = ["event_id", "id"]
    var id: String, eventId: String, position: Int, title: String, data: String, removedAt: Instant?

    init(_ s: Session, eventId: String, position: Int) throws {
        (id, self.eventId, self.position, title, data, removedAt) = (s.id, eventId, position, s.title.bilingual, try json(s), nil)
    }
}

/// Encodes domain values the same way every time, so unchanged rows stay unchanged.
func json<T: Encodable>(_ value: T) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(value), as: UTF8.self)
}
