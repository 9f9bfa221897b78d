import ConveneCore
import ConveneICal
import Foundation
import Testing

struct FeedExporterTests {
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func writesEveryFeedAndTheIndexThenLeavesUnchangedFilesAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try FeedExporter.write(ForumFixture.publication, to: folder)
        #expect(first.feeds.count == 11 && first.changed == 12)
        let event = try Data(contentsOf: URL(fileURLWithPath: folder + "/event.ics"))
        #expect(event == Data(try FeedWriter.render(first.feeds[0], of: ForumFixture.publication).utf8))
        #expect(FileManager.default.fileExists(atPath: folder + "/people/p-sato.ics"))
        #expect(FileManager.default.fileExists(atPath: folder + "/index.json"))
        let again = try FeedExporter.write(ForumFixture.publication, to: folder)
        #expect(again.changed == 0)
    }

    @Test func onlyWritesTheNamedFeedsAndRefusesUnknownOnes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try FeedExporter.write(ForumFixture.publication, to: folder, only: ["rooms/hall.ics"])
        #expect(FileManager.default.fileExists(atPath: folder + "/rooms/hall.ics"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/event.ics"))
        #expect(throws: ICalError.self) { try FeedExporter.write(ForumFixture.publication, to: folder, only: ["rooms/nope.ics"]) }
    }

    @Test func aRenderingFailureWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var event = ForumFixture.event
        event.stakeholders[0].email = "bad\naddress@example.org"
        let publication = Publication(event: event, removed: ForumFixture.removed, history: ForumFixture.history)
        #expect(throws: ICalError.self) { try FeedExporter.write(publication, to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
