public import ConveneCore
import Foundation

extension Store {
    /// Each person's availability answer in force (their latest save), by person id.
    public func availabilityAnswers() throws -> [String: AvailabilityAnswer] {
        try read { db in
            let f = try inEvent(db, table: "a")
            let rows = try AvailabilityRecord.fetchAll(db, sql: """
                SELECT * FROM availability_answer a
                WHERE \(f.sql) AND id = (SELECT MAX(id) FROM availability_answer b
                                          WHERE b.event_id = a.event_id AND b.person_id = a.person_id)
                """, arguments: f.arguments)
            var out: [String: AvailabilityAnswer] = [:]
            for r in rows { out[r.personId] = try Store.availability(r) }
            return out
        }
    }

    /// How many availability saves are stored, in force or not.
    public func availabilitySaveCount() throws -> Int {
        try read { db in
            let f = try inEvent(db)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM availability_answer WHERE \(f.sql)", arguments: f.arguments) ?? 0
        }
    }

    /// Stores availability answers of `event` inside a caller's transaction, each as a new save.
    func insert(_ answers: [AvailabilityAnswer], event: String, _ db: SQLDatabase) throws {
        for a in answers {
            let cells = String(decoding: try JSONEncoder().encode(a.cells), as: UTF8.self)
            let r = AvailabilityRecord(id: nil, eventId: event, personId: a.person, answeredAt: a.answeredAt.iso8601, anyTime: a.anyTime,
                                       note: a.note, cells: cells)
            try r.insert(db)
        }
    }

    static func availability(_ r: AvailabilityRecord) throws -> AvailabilityAnswer {
        guard let at = Instant(iso8601: r.answeredAt) else { throw StoreError("availability answer \(r.id ?? 0): bad time '\(r.answeredAt)'") }
        let cells = try JSONDecoder().decode([AvailabilityAnswer.Cell].self, from: Data(r.cells.utf8))
        return AvailabilityAnswer(person: r.personId, anyTime: r.anyTime, cells: cells, note: r.note, answeredAt: at)
    }
}
