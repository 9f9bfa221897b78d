import ConveneTestFixtures
import Foundation
import Testing

/// The throwaway PostgreSQL the store's PostgreSQL tests run against.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresServerTests {
    @Test func itAcceptsTheTestRoleByPasswordOverTCPAndRefusesAWrongOne() throws {
        let server = try PostgresServer.shared.get()
        let url = try server.makeDatabase()
        let database = String(url.split(separator: "/").last!)
        func psql(_ password: String) throws -> (status: Int32, output: String) {
            try PostgresServer.run("psql", ["-X", "-A", "-t", "-h", "127.0.0.1", "-p", "\(server.port)", "-U", PostgresServer.user,
                                            "-d", database, "-c", "SELECT current_user || ' ' || current_database()"],
                                   environment: ["PGPASSWORD": password])
        }
        let right = try psql(PostgresServer.password)
        #expect(right.status == 0 && right.output.contains("\(PostgresServer.user) \(database)"), "\(right.output)")
        let wrong = try psql("not-the-password")
        #expect(wrong.status != 0 && wrong.output.contains("password authentication failed"), "\(wrong.output)")
    }

    @Test func aStoppedServerIsGoneWithItsFolder() throws {
        let server = try PostgresServer()
        let pid = server.pid
        #expect(FileManager.default.fileExists(atPath: server.folder))
        server.stop()
        #expect(kill(pid, 0) != 0)
        #expect(!FileManager.default.fileExists(atPath: server.folder))
    }

    @Test func aServerWhoseTestProcessDiedIsStoppedByTheNextRun() throws {
        let server = try PostgresServer()
        // The test process that started it is gone: a process that has ended stands for it.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        try "\(ended.processIdentifier)".write(toFile: server.folder + "/owner.pid", atomically: true, encoding: .utf8)
        let shared = try PostgresServer.shared.get()
        PostgresServer.stopOrphans()
        #expect(kill(server.pid, 0) != 0)
        #expect(!FileManager.default.fileExists(atPath: server.folder))
        // The servers of this process are left alone.
        #expect(kill(shared.pid, 0) == 0 && FileManager.default.fileExists(atPath: shared.folder))
        server.stop()
    }
}
