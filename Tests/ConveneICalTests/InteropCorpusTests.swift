import ConveneCore
import ConveneICal
import Foundation
import Testing

/// The 24 real-world calendars in `../shared/interop`, each against the busy time an
/// independent library computes (or, where its README allows, a clear error).
struct InteropCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/interop")

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("files").path)) ?? []
        return names.filter { $0.hasSuffix(".ics") }.sorted()
    }

    /// The corpus is in `../shared` (there in CI, not in a fresh clone).
    static let hasCorpus = FileManager.default.fileExists(atPath: folder.appendingPathComponent("files").path)

    @Test(.enabled(if: hasCorpus, "needs ../shared/interop beside the repository"))
    func corpusIsThere() {
        #expect(Self.files.count == 24)
    }

    @Test(.enabled(if: hasCorpus, "needs ../shared/interop beside the repository"), arguments: files)
    func busyTimeMatchesTheReference(file: String) throws {
        let expected = try Expectation(file: file, folder: Self.folder)
        let path = Self.folder.appendingPathComponent("files/\(file)").path
        let result: CalendarImport
        do {
            result = try CalendarReader.read(path: path, window: expected.window, floatingZone: "UTC")
        } catch let error as ICalError {
            #expect(expected.mayFail, "\(file): \(error)")
            #expect(error.file == path && error.line != nil)
            return
        }
        let got = Interval.merge(result.periods.map(\.interval)).map { [$0.start.withOffset(0).iso8601, $0.end.withOffset(0).iso8601] }
        let acceptable = expected.readings + (expected.mayFail && !result.skipped.isEmpty ? [got] : [])
        #expect(acceptable.contains(got), "\(file): got \(got.count) intervals \(got.prefix(4)), expected \(expected.readings[0].count) \(expected.readings[0].prefix(4))")
    }
}

/// One `expected/<file>.json`: the window and every acceptable merged reading.
struct Expectation {
    var window: Interval
    var readings: [[[String]]]
    var mayFail: Bool

    init(file: String, folder: URL) throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected/\(file).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let w = try #require(json["window"] as? [String])
        window = Interval(start: try #require(Instant(iso8601: w[0])), end: try #require(Instant(iso8601: w[1])))
        func merged(_ list: Any?) -> [[String]] {
            let pairs = (list as? [[String]]) ?? []
            let intervals = pairs.compactMap { p -> Interval? in
                guard let s = Instant(iso8601: p[0]), let e = Instant(iso8601: p[1]) else { return nil }
                return Interval(start: s, end: e)
            }
            return Interval.merge(intervals).map { [$0.start.withOffset(0).iso8601, $0.end.withOffset(0).iso8601] }
        }
        readings = [merged(json["busy"])]
        for alternative in (json["alternative_readings"] as? [[String: Any]]) ?? [] {
            readings.append(merged(alternative["busy"]))
        }
        mayFail = json["unrepaired_primary"] != nil
    }
}
