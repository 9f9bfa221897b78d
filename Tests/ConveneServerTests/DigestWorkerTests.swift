import ConveneApp
import ConveneCore
import ConveneStore
@testable import ConveneServer
import Foundation
import Logging
import Testing

/// The service's digest worker queues the organizer's digest once per change, across restarts.
@Suite struct DigestWorkerTests {
    func worker(_ store: Store, _ operations: Operations = Operations()) -> DigestWorker {
        DigestWorker(store: store, to: "digest@example.org", every: .seconds(60), operations: operations,
                     logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    @Test func aDeclineIsMailedOnceWithItsConflictInWords() throws {
        let f = try Fixture()
        defer { f.remove() }
        try f.schedule()
        let first = try #require(try worker(f.store).tick(at: Fixture.at("2027-02-01T09:00:00Z")).first)
        #expect(first.recipient == "digest@example.org" && first.kind == .digest)
        #expect(try worker(f.store).tick(at: Fixture.at("2027-02-01T09:01:00Z")).isEmpty)

        let decline = try RecordAnswer(person: "martin", session: "opening", answer: .declined, comment: "In Lyon",
                                       channel: .organizer, at: Fixture.at("2027-02-02T09:00:00Z"))
        _ = try ChangePipeline(store: f.store).record(decline, at: Fixture.at("2027-02-02T09:00:00Z"))
        let conflicts = try ChangePipeline(store: f.store).current().conflicts.map(\.description)
        #expect(conflicts.contains { $0.hasPrefix("declined: Sophie Martin declined") })

        // A restart: a new worker on a new connection to the same file.
        let reopened = try Store(path: f.folder.appendingPathComponent("test.sqlite").path)
        let m = try #require(try worker(reopened).tick(at: Fixture.at("2027-02-02T09:05:00Z")).first)
        let raw = String(decoding: m.bytes, as: UTF8.self)
        let start = try #require(raw.range(of: "Content-Transfer-Encoding: base64\r\n\r\n")).upperBound
        let body = String(decoding: try #require(Data(base64Encoded: String(raw[start...].prefix { $0 != "-" }.filter { !$0.isWhitespace }))),
                          as: UTF8.self)
        #expect(conflicts.allSatisfy { body.contains($0) } && body.contains("前回のダイジェスト以降の変更"))
        #expect(try worker(reopened).tick(at: Fixture.at("2027-02-02T09:06:00Z")).isEmpty)
        let digests = try reopened.outbox(includingBytes: false).filter { $0.kind == .digest }
        #expect(digests.map(\.messageID) == [first.messageID, m.messageID] && digests.allSatisfy { $0.state == .queued })
        #expect(try reopened.dueMessages(at: Fixture.at("2027-02-02T09:06:00Z")).filter { $0.kind == .digest }.count == 2)
    }
}
