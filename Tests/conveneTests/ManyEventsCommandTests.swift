import Foundation
import Testing

/// Two bundled events in one database: `import` adds the second beside the first, every command works
/// on the event `--event` picks, and without it refuses, naming both.
@Suite(.serialized)
struct ManyEventsCommandTests {
    static let forum = "rare-cancers-forum-2027"
    static let symposium = "tokyo-symposium-2027"

    /// Both examples imported into one database, as `import forum/plan.yaml` then `import symposium/plan.yaml`
    /// do; the environment names that database.
    static func twoEvents() throws -> (TemporaryFolder, [String: String]) {
        let folder = try TemporaryFolder()
        for name in [forum, symposium] {
            try FileManager.default.copyItem(at: CommandLine.root.appendingPathComponent("calendars/\(name)"),
                                             to: folder.url.appendingPathComponent(name))
        }
        let env = ["CONVENE_DB": folder.url.appendingPathComponent("two.sqlite").path]
        let first = try CommandLine.run(["import", "\(forum)/plan.yaml"], in: folder.url, environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("the store now holds"))
        let second = try CommandLine.run(["import", "\(symposium)/plan.yaml"], in: folder.url, environment: env)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("the store now holds 2 events: \(forum), \(symposium)"), "\(second.stdout)")
        return (folder, env)
    }

    /// Every file under a folder, by relative path, with its bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for name in names {
            var isDir: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[name] = try Data(contentsOf: url)
            }
        }
        return out
    }

    @Test func commandsWithoutEventRefuseNamingBoth() throws {
        let (folder, env) = try Self.twoEvents()
        for arguments in [["schedule", "--time-limit", "1"], ["publish"], ["agenda"], ["status"], ["conflicts"]] {
            let r = try CommandLine.run(arguments, in: folder.url, environment: env)
            #expect(r.status == 1, "\(arguments): \(r.stdout)")
            #expect(r.stderr.contains("holds 2 events: \(Self.forum), \(Self.symposium)"), "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("--event"), "\(arguments): \(r.stderr)")
        }
        let unknown = try CommandLine.run(["agenda", "--event", "no-such-event"], in: folder.url, environment: env)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no event 'no-such-event'; it holds \(Self.forum), \(Self.symposium)"), "\(unknown.stderr)")
        // A plan's own id decides which event it updates: `--event` naming another is refused, nothing stored.
        let wrong = try CommandLine.run(["import", "\(Self.forum)/plan.yaml", "--event", Self.symposium], in: folder.url,
                                        environment: env)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("plan of event '\(Self.forum)', not of --event '\(Self.symposium)'"), "\(wrong.stderr)")
        // `serve` serves every event: it takes no --event.
        let serve = try CommandLine.run(["serve", "--event", Self.forum, "--port", "0"], in: folder.url, environment: env)
        #expect(serve.status == 2 && serve.stderr.contains("serves every event"), "\(serve.stderr)")
        // The organizer's mailbox is every event's: `inbox fetch` needs no --event (here it only fails to connect).
        let fetch = try CommandLine.run(["inbox", "fetch", "--imap", "imap://127.0.0.1:1/INBOX", "--user", "office"], in: folder.url,
                                        environment: env.merging(["CONVENE_IMAP_PASSWORD": "secret"]) { $1 })
        #expect(fetch.status == 1 && !fetch.stderr.contains("--event") && !fetch.stderr.isEmpty, "\(fetch.stderr)")
        // Importing a plan again updates its event; the store still holds two.
        let again = try CommandLine.run(["import", "\(Self.symposium)/plan.yaml"], in: folder.url, environment: env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing saved"), "\(again.stdout)")
    }

    @Test func eachEventIsScheduledPublishedAndExportedOnItsOwn() throws {
        let (folder, env) = try Self.twoEvents()
        func convene(_ arguments: String...) throws -> CommandLine.Result {
            let r = try CommandLine.run(arguments, in: folder.url, environment: env)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            return r
        }
        for event in [Self.forum, Self.symposium] {
            #expect(try convene("schedule", "--event", event, "--time-limit", "1", "--seed", "1").stdout
                .contains("saved schedule version"))
        }
        // Each agenda is its own event's: the symposium's names none of the forum's sessions and the other way round.
        let forumAgenda = try convene("agenda", "--event", Self.forum, "--format", "csv").stdout
        let symposiumAgenda = try convene("agenda", "--event", Self.symposium, "--format", "csv").stdout
        #expect(!forumAgenda.isEmpty && !symposiumAgenda.isEmpty)
        #expect(Set(forumAgenda.split(separator: "\n").dropFirst()).isDisjoint(with: symposiumAgenda.split(separator: "\n").dropFirst()))

        _ = try convene("publish", "--event", Self.forum, "--force", "--reason", "forum")
        let before = folder.url.appendingPathComponent("before"), after = folder.url.appendingPathComponent("after")
        _ = try convene("export", "--event", Self.forum, "--out", before.path)
        // Numbers run across the database: the forum's release is 1 and its schedule version 1, so the
        // symposium's first release is 2 and its only version 2; what they say is the number they get.
        #expect(try convene("publish", "--event", Self.symposium, "--dry-run", "--force").stdout
            .contains("publish schedule version 2 as release 2 (the first release)"))
        let noSuchVersion = try CommandLine.run(["diff", "1", "--event", Self.symposium], in: folder.url, environment: env)
        #expect(noSuchVersion.status != 0)
        #expect(noSuchVersion.stderr.contains("no schedule version 1 of \(Self.symposium); its versions are 2"), "\(noSuchVersion.stderr)")
        // The symposium's publish changes nothing the forum's subscribers see.
        _ = try convene("publish", "--event", Self.symposium, "--force", "--reason", "symposium")
        #expect(try convene("status", "--event", Self.symposium).stdout.contains("published: release 2, schedule version 2"))
        _ = try convene("export", "--event", Self.forum, "--out", after.path)
        let forumFeeds = try Self.files(before)
        #expect(!forumFeeds.isEmpty)
        #expect(forumFeeds == (try Self.files(after)))
        let forumEvent = String(decoding: forumFeeds["event.ics"] ?? Data(), as: UTF8.self)
        #expect(forumEvent.contains(".\(Self.forum)@convene"))
        #expect(!forumEvent.contains(".\(Self.symposium)@convene"))

        let symposiumFeeds = folder.url.appendingPathComponent("symposium")
        _ = try convene("export", "--event", Self.symposium, "--out", symposiumFeeds.path)
        let symposiumEvent = try String(contentsOf: symposiumFeeds.appendingPathComponent("event.ics"), encoding: .utf8)
        #expect(symposiumEvent.contains(".\(Self.symposium)@convene"))
        #expect(!symposiumEvent.contains(".\(Self.forum)@convene"))
        // Each status reports its own release.
        #expect(try convene("status", "--event", Self.symposium).stdout != (try convene("status", "--event", Self.forum).stdout))
    }

    @Test func feedsListHandsOutEachEventsOwnAddressesWithOneEventOrSeveral() throws {
        let folder = try TemporaryFolder()
        for name in [Self.forum, Self.symposium] {
            try FileManager.default.copyItem(at: CommandLine.root.appendingPathComponent("calendars/\(name)"),
                                             to: folder.url.appendingPathComponent(name))
        }
        let env = ["CONVENE_DB": folder.url.appendingPathComponent("links.sqlite").path]
        func convene(_ arguments: String...) throws -> String {
            let r = try CommandLine.run(arguments, in: folder.url, environment: env)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            return r.stdout
        }
        _ = try convene("import", "\(Self.forum)/plan.yaml")
        // With one event the links are already the ones that keep working once another is imported.
        let one = try convene("feeds", "list", "--base-url", "https://rdd.example.org")
        #expect(one.contains("\thttps://rdd.example.org/events/\(Self.forum)/feeds/event.ics\twebcal://rdd.example.org/events/\(Self.forum)/feeds/event.ics\n"), "\(one)")
        #expect(!one.contains("https://rdd.example.org/feeds/"))
        #expect(one.contains("https://rdd.example.org/private/"))
        _ = try convene("import", "\(Self.symposium)/plan.yaml")
        let several = try convene("feeds", "list", "--event", Self.symposium, "--base-url", "https://rdd.example.org")
        #expect(several.contains("\thttps://rdd.example.org/events/\(Self.symposium)/feeds/event.ics\t"), "\(several)")
        #expect(!several.contains("https://rdd.example.org/feeds/"))
    }
}
