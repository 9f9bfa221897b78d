import Foundation
import GRDB

extension Migrations {
    /// Messages queued before this step were stored as JSON text of decimal bytes (`[77,73,…]`),
    /// three times the message: each becomes the BLOB of its bytes.
    static func outboxMessageBlob(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT message_id, message FROM outbox WHERE typeof(message) = 'text'")
        for row in rows {
            let id: String = row["message_id"]
            let text: String = row["message"]
            guard let bytes = try? JSONDecoder().decode([UInt8].self, from: Data(text.utf8)) else {
                throw DatabaseError(message: "outbox message \(id) is neither bytes nor a JSON list of bytes")
            }
            try db.execute(sql: "UPDATE outbox SET message = ? WHERE message_id = ?", arguments: [Data(bytes), id])
        }
    }
}
