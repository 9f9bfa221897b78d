import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import ConveneTestFixtures
import Foundation
import Logging
import Testing

/// The service's workers on a PostgreSQL database, as on an SQLite file.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresWorkersTests {
    /// The fixture's forum in a fresh PostgreSQL database, its first schedule published; and the address.
    static func forum(_ f: Fixture) throws -> (Store, PostgresAddress) {
        let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
        let store = try Store(postgres: address)
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: f.event, file: "plan.yaml", busy: [:])),
                       at: Fixture.at("2027-01-10T10:00:00Z"))
        try f.publish(PublishListenerTests.first, at: Fixture.at("2027-02-01T08:00:00Z"), through: store)
        return (store, address)
    }

    @Test func theDigestIsQueuedOncePerChangeAcrossRestarts() throws {
        let f = try Fixture()
        defer { f.remove() }
        let (store, address) = try Self.forum(f)
        let worker = { (store: Store) in
            DigestWorker(store: store, to: "digest@example.org", every: .seconds(60), operations: Operations(),
                         logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        }
        let first = try #require(try worker(store).tick(at: Fixture.at("2027-02-01T09:00:00Z")).first)
        #expect(first.recipient == "digest@example.org" && first.kind == .digest)
        #expect(try worker(store).tick(at: Fixture.at("2027-02-01T09:01:00Z")).isEmpty)
        let decline = try RecordAnswer(person: "martin", session: "opening", answer: .declined, comment: "In Lyon",
                                       channel: .organizer, at: Fixture.at("2027-02-02T09:00:00Z"))
        _ = try ChangePipeline(store: store).record(decline, at: Fixture.at("2027-02-02T09:00:00Z"))
        // Another server: its own connections to the same database.
        let other = try Store(postgres: address)
        #expect(try worker(other).tick(at: Fixture.at("2027-02-02T09:05:00Z")).count == 1)
        #expect(try worker(store).tick(at: Fixture.at("2027-02-02T09:06:00Z")).isEmpty)
        #expect(try other.outbox(includingBytes: false).filter { $0.kind == .digest }.count == 2)
    }
}
