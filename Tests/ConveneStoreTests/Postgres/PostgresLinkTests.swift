import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// Connecting to a real PostgreSQL: each way it can fail names the address, never the password.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresLinkTests {
    func address(_ url: String, password: String? = PostgresServer.password) throws -> PostgresAddress {
        try PostgresAddress(url, password: password)
    }

    func refusal(_ address: PostgresAddress) async -> String {
        do {
            let link = try await PostgresLink.open(address)
            await link.close()
            return "connected"
        } catch {
            return "\(error)"
        }
    }

    @Test func theTestRoleConnectsWithItsPassword() async throws {
        let server = try PostgresServer.shared.get()
        let link = try await PostgresLink.open(try address(try server.makeDatabase()))
        let who = try await link.rows("SELECT current_user::text").first?.decode(String.self)
        await link.close()
        #expect(who == PostgresServer.user)
    }

    @Test func aWrongPasswordSaysAuthenticationFailed() async throws {
        let server = try PostgresServer.shared.get()
        let text = await refusal(try address(try server.makeDatabase(), password: "wrong-Secret-9"))
        #expect(text.contains("refused user 'convene'") && text.contains("password authentication failed"), "\(text)")
        #expect(text.contains("127.0.0.1:\(server.port)") && !text.contains("wrong-Secret-9"))
    }

    @Test func noPasswordAtAllSaysHowToGiveOne() async throws {
        let server = try PostgresServer.shared.get()
        let text = await refusal(try address(try server.makeDatabase(), password: nil))
        #expect(text.contains("asks a password of user 'convene'") && text.contains("--password-file"), "\(text)")
    }

    @Test func aMissingDatabaseIsNamed() async throws {
        let server = try PostgresServer.shared.get()
        let text = await refusal(try address(server.url(database: "no_such_forum")))
        #expect(text.contains("has no database 'no_such_forum'"), "\(text)")
        #expect(!text.contains(PostgresServer.password))
    }

    @Test func aPortNothingListensOnIsUnreachable() async throws {
        let port = try PostgresServer.freePort()
        let text = await refusal(try address("postgres://convene@127.0.0.1:\(port)/forum"))
        #expect(text.contains("cannot reach PostgreSQL at 127.0.0.1:\(port) (Connection refused)"), "\(text)")
        #expect(!text.contains(PostgresServer.password))
    }
}
