import Foundation
import Testing
@testable import ConveneCore

struct InstanceTests {
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/benchmark/real")

    /// FOSDEM's instances live in `../shared` (there in CI, not in a fresh clone).
    static let hasShared = FileManager.default.fileExists(atPath: shared.path)

    @Test(.enabled(if: hasShared, "needs ../shared/benchmark/real beside the repository"),
          arguments: ["fosdem-2024.json", "fosdem-2024-repair.json"])
    func realInstanceRoundTrips(_ name: String) throws {
        let url = Self.shared.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        let instance = try JSONFormat.decode(Instance.self, from: data, file: name)
        #expect(instance.sessions.count == 674)
        #expect(instance.rooms.count == 31)
        let again = try JSONFormat.decode(Instance.self, from: try JSONFormat.encode(instance), file: name)
        #expect(again == instance)
        // Same content as the original, field by field, defaults included.
        let original = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let written = try JSONSerialization.jsonObject(with: try JSONFormat.encode(instance)) as! [String: Any]
        let os = original["sessions"] as! [[String: Any]], ws = written["sessions"] as! [[String: Any]]
        for (o, w) in zip(os, ws) {
            #expect(o["id"] as! String == w["id"] as! String)
            #expect(o["duration"] as! Int == w["duration"] as! Int)
            #expect((o["windows"] as? [[String]] ?? []) == (w["windows"] as? [[String]] ?? []))
        }
        #expect((original["previous"] as? [Any])?.count ?? 0 == (written["previous"] as? [Any])?.count ?? 0)
    }

    @Test(.enabled(if: hasShared, "needs ../shared/benchmark/real beside the repository"))
    func solutionRoundTripsExactly() throws {
        let url = Self.shared.appendingPathComponent("fosdem-2024-published-solution.json")
        let solution = try JSONFormat.decode(Solution.self, from: try Data(contentsOf: url), file: "s")
        let bytes = try JSONFormat.encode(solution)
        let again = try JSONFormat.decode(Solution.self, from: bytes, file: "s")
        #expect(again == solution)
        #expect(try JSONFormat.encode(again) == bytes)
        #expect(solution.assignments.first?.start.iso8601 == "2024-02-03T10:30:00+01:00")
    }

    @Test func defaultsAreFilledAndLeftOut() throws {
        let json = """
        {"format": "convene-instance/1", "name": "x", "days": [["2027-02-22T09:00:00+09:00", "2027-02-22T18:00:00+09:00"]],
         "rooms": [{"id": "r", "capacity": 10}], "people": [{"id": "p"}],
         "sessions": [{"id": "s", "duration": 30, "audience": 5, "required": ["p"]}]}
        """
        let instance = try JSONFormat.decode(Instance.self, from: Data(json.utf8), file: "i.json")
        #expect(instance.slotMinutes == 15)
        #expect(instance.weights == Instance.Weights(["optionalConflict": 1, "optionalUnavailable": 1, "preference": 1, "moved": 5]))
        #expect(instance.sessions[0].priority == 1)
        #expect(instance.sessions[0].fixed == nil)
        let text = String(decoding: try JSONFormat.encode(instance), as: UTF8.self)
        #expect(!text.contains("weights"))
        #expect(!text.contains("previous"))
    }

    @Test func badFilesNameTheField() {
        let json = #"{"format": "convene-instance/1", "days": [["2027-02-22T09:00:00", "x"]], "rooms": [], "sessions": []}"#
        #expect(throws: InstanceFileError.self) { try JSONFormat.decode(Instance.self, from: Data(json.utf8), file: "i.json") }
        do {
            _ = try JSONFormat.decode(Instance.self, from: Data(json.utf8), file: "i.json")
        } catch {
            #expect("\(error)".hasPrefix("i.json: error: .days[0][0]"))
        }
        let wrong = #"{"format": "convene-instance/3", "days": [], "rooms": [], "sessions": []}"#
        #expect(throws: InstanceFileError(file: "i.json", message: ".format: format is 'convene-instance/3', not convene-instance/1 or convene-instance/2")) {
            try JSONFormat.decode(Instance.self, from: Data(wrong.utf8), file: "i.json")
        }
    }
}
