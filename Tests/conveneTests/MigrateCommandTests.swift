import ConveneTestFixtures
import Foundation
import GRDB
import PostgresNIO
import Testing
@testable import ConveneStore

/// `convene migrate --from FILE.sqlite --to postgres://…` on a database the whole pipeline has written:
/// import, schedule, publish, invite (outbox with message blobs), a recorded answer, asks, feed and page tokens.
@Suite(.serialized, .enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct MigrateCommandTests {
    typealias Forum = AdminScenarioTests.Forum

    /// The example forum run through every kind of write, with one outbox blob made binary.
    static func fullForum() throws -> Forum {
        let forum = try Forum().scheduled()
        #expect(try forum.convene("publish", "--reason", "first agenda").status == 0)
        let invited = try forum.convene("invite", "--transport", "file:mail")
        #expect(invited.status == 0, "\(invited.stderr)")
        let session = "s-sem-eye"
        let required = try #require((try forum.json("compile", forum.plan)["sessions"] as? [[String: Any]])?
            .first { $0["id"] as? String == session }?["required"] as? [String])
        let answered = try forum.convene("rsvp", "set", required[0], session, "decline", "--comment", "出張中です — désolé")
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try forum.convene("feeds", "list", "--base-url", "https://forum.example.org").status == 0)
        #expect(try forum.convene("pages", "list", "--base-url", "https://forum.example.org").status == 0)
        let asked = try forum.convene("ask", "--base-url", "https://forum.example.org")
        #expect(asked.status == 0, "\(asked.stderr)")
        // A message's bytes need not be text: NUL, bytes no UTF-8 allows, a lone CR.
        let store = try Store(path: forum.db)
        try #require(store.backend as? SQLiteBackend).pool.write { db in
            try db.execute(sql: "UPDATE outbox SET message = ? WHERE rowid = (SELECT min(rowid) FROM outbox)",
                           arguments: [Data([0x00, 0xFF, 0xFE, 0x0D, 0x80, 0x41, 0x00])])
        }
        return forum
    }

    func migrate(_ forum: Forum, to url: String, password: String = PostgresServer.password) throws -> CommandLine.Result {
        try CommandLine.run(["migrate", "--from", forum.db, "--to", url], in: forum.folder.url, environment: ["PGPASSWORD": password])
    }

    @Test func aFullDatabaseIsCopiedWithEqualCountsAndChecksumsAndASecondRunIsRefused() async throws {
        let forum = try Self.fullForum()
        let url = try PostgresServer.shared.get().makeDatabase()
        let copied = try migrate(forum, to: url)
        #expect(copied.status == 0, "\(copied.stderr)")
        let lines = copied.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("table") == true && lines.first?.hasSuffix("ok") == true)
        let rows = lines.dropFirst().dropLast()
        #expect(rows.count >= 15 && rows.allSatisfy { $0.hasSuffix("  yes") }, "\(copied.stdout)")
        for table in ["outbox", "rsvp", "feed_token", "page_token", "audit_log", "schedule_release"] {
            let row = try #require(rows.first { $0.hasPrefix(table + " ") }, "\(table) is not in the report")
            let count = Int(row.split(separator: " ")[1]) ?? 0
            #expect(count > 0, "\(table) copied no rows")
        }
        #expect(lines.last?.hasPrefix("copied ") == true && lines.last?.hasSuffix("into \(url)") == true, "\(copied.stdout)")

        // Value for value, read back apart from the command's own checksums: texts and blobs byte for byte.
        let pool = try #require(try Store(path: forum.db).backend as? SQLiteBackend).pool
        let link = try await PostgresLink.open(try PostgresAddress(url, password: PostgresServer.password))
        var nonASCII = 0, binary = 0
        for table in try PostgresSchema.current().tables {
            let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
            let keys = (table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey).map(quoted)
            let sqlite = try await pool.read { db in
                try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(keys.joined(separator: ", "))").map { row in
                    table.columns.indices.map { i -> [UInt8]? in
                        switch (row[i] as DatabaseValue).storage {
                        case .null: nil
                        case .int64(let n): Array("\(n)".utf8)
                        case .double(let d): Array("\(d)".utf8)
                        case .string(let s): Array(s.utf8)
                        case .blob(let b): Array(b)
                        }
                    }
                }
            }
            let textKeys = Set(table.columns.filter { $0.type == .text }.map { quoted($0.name) })
            let order = keys.map { textKeys.contains($0) ? $0 + " COLLATE \"C\"" : $0 }.joined(separator: ", ")
            let postgres = try await link.rows(PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(order)")).map { row in
                try zip(row, table.columns).map { cell, column -> [UInt8]? in
                    switch column.type {
                    case .integer: try cell.decode(Int64?.self).map { Array("\($0)".utf8) }
                    case .real: try cell.decode(Double?.self).map { Array("\($0)".utf8) }
                    case .text: try cell.decode(String?.self).map { Array($0.utf8) }
                    case .blob: try cell.decode(Data?.self).map { Array($0) }
                    }
                }
            }
            #expect(sqlite == postgres, "\(table.name) differs")
            nonASCII += sqlite.joined().compactMap { $0 }.filter { $0.contains { $0 >= 0x80 } }.count
            binary += sqlite.joined().compactMap { $0 }.filter { $0.contains(0x00) }.count
        }
        await link.close()
        #expect(nonASCII > 0 && binary > 0)

        let again = try migrate(forum, to: url)
        #expect(again.status == 1 && again.stderr.contains("already holds Convene data"), "\(again.stderr)")
    }

    @Test func aWrongPasswordSaysSoAndNeverShowsIt() throws {
        let forum = try Forum().scheduled()
        let url = try PostgresServer.shared.get().makeDatabase()
        let refused = try migrate(forum, to: url, password: "not-the-Password-7")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("password authentication failed") && refused.stderr.contains("refused user 'convene'"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("not-the-Password-7") && refused.stdout.isEmpty)
        let inURL = try CommandLine.run(["migrate", "--from", forum.db, "--to", url.replacingOccurrences(of: "convene@", with: "convene:hunter2@")],
                                        in: forum.folder.url)
        #expect(inURL.status == 1 && inURL.stderr.contains("carries a password") && !inURL.stderr.contains("hunter2"), "\(inURL.stderr)")
    }

    @Test func aFileFromAnOlderConveneIsBroughtUpToDateFirst() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: Migrations.first)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO event (id, name, time_zone, plan_file, data, imported_at) VALUES ('old', 'Forum 2025', 'Asia/Tokyo', 'plan.yaml', '{}', '2025-01-01T00:00:00Z')")
        }
        try queue.close()
        let url = try PostgresServer.shared.get().makeDatabase()
        let copied = try CommandLine.run(["migrate", "--from", path, "--to", url], in: folder.url, environment: ["PGPASSWORD": PostgresServer.password])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.split(separator: "\n").contains { $0.hasPrefix("event ") && $0.split(separator: " ")[1] == "1" }, "\(copied.stdout)")
        let link = try await PostgresLink.open(try PostgresAddress(url, password: PostgresServer.password))
        let steps = try await link.rows("SELECT identifier FROM schema_steps").map { try $0.decode(String.self) }
        await link.close()
        #expect(Set(steps) == Set(Migrations.migrator.migrations))
        // The file itself was upgraded, as any command upgrades it.
        let applied = try await DatabaseQueue(path: path).read { try Migrations.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(Migrations.migrator.migrations))
    }
}
