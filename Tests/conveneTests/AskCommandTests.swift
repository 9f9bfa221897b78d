import Foundation
import Testing

/// `convene ask` then `convene invite` on the bundled Rare Disease Day example, as an organizer runs them.
struct AskCommandTests {
    @Test func asksEveryoneOnceAndInviteDeliversEachRequestOnce() throws {
        let (folder, env) = try TemporaryFolder.imported()

        let refused = try CommandLine.run(["ask", "--base-url", "https://rdd.example.org", "--deadline", "2027-02-30"],
                                          in: folder.url, environment: env)
        #expect(refused.status == 2 && refused.stderr.contains("--deadline must be a date as YYYY-MM-DD"))
        let unknown = try CommandLine.run(["ask", "--base-url", "https://rdd.example.org", "--people", "nobody"],
                                          in: folder.url, environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("no stakeholder 'nobody'"))

        let ask = try CommandLine.run(["ask", "--base-url", "https://rdd.example.org", "--deadline", "2027-01-31"],
                                      in: folder.url, environment: env)
        #expect(ask.status == 0, "\(ask.stderr)")
        let lines = ask.stdout.split(separator: "\n")
        let count = lines.count - 1
        #expect(count > 0 && lines.last == "queued \(count) requests for availability (send them with `convene invite`)")

        let mail = folder.url.appendingPathComponent("mail")
        let sent = try CommandLine.run(["invite", "--transport", "file:" + mail.path], in: folder.url, environment: env)
        #expect(sent.status == 0 && sent.stdout == "sent \(count), deferred 0, failed 0\n", "\(sent.stderr)")
        let again = try CommandLine.run(["invite", "--transport", "file:" + mail.path], in: folder.url, environment: env)
        #expect(again.stdout == "sent 0, deferred 0, failed 0\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: mail.path)
        #expect(files.count == count)
        let first = try String(contentsOf: mail.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        #expect(first.contains("Content-Type: text/plain; charset=UTF-8") && !first.contains("text/calendar"))

        let remind = try CommandLine.run(["ask", "--base-url", "https://rdd.example.org", "--remind"], in: folder.url, environment: env)
        #expect(remind.status == 0 && remind.stdout.hasSuffix("queued \(count) requests for availability (send them with `convene invite`)\n"),
                "nobody has answered yet, so everyone is reminded")
        let history = try CommandLine.run(["history"], in: folder.url, environment: env)
        #expect(history.stdout.contains("requests for availability queued"), "\(history.stdout)")
    }
}
