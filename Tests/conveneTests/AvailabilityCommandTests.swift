import Foundation
import Testing

/// `convene availability` on the bundled Rare Disease Day example, as an organizer runs it.
struct AvailabilityCommandTests {
    @Test func listsWhoHasNotAnsweredTheirTimesAndAGridPerDay() throws {
        let (folder, env) = try TemporaryFolder.imported()

        let text = try CommandLine.run(["availability"], in: folder.url, environment: env)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("answered: 0 of 22\nnot answered: p-ikeda-junko, "))
        #expect(text.stdout.contains("g-mizuno-taro:\n  unavailable: 2027-02-27 10:00–12:00\n"))
        #expect(text.stdout.contains("2027-02-27: required people who can come, of 18\n  10:00 #################. 17\n"))

        let json = try CommandLine.run(["availability", "--json"], in: folder.url, environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let people = try #require(object?["people"] as? [[String: Any]])
        #expect(people.count == 22 && people.allSatisfy { $0["answered"] as? Bool == false && $0["ifNeedBe"] as? [[String]] == [] })
        let mizuno = try #require(people.first { $0["id"] as? String == "g-mizuno-taro" })
        #expect(mizuno["unavailable"] as? [[String]] == [["2027-02-27T10:00:00+09:00", "2027-02-27T12:00:00+09:00"]])
    }
}
