import ArgumentParser
import ConveneApp
import ConveneServer

/// `convene publish`: make the draft official, showing first who will get what.
struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the draft the published schedule: feeds show it and the mail it requires is queued.",
        discussion: """
            Shows first what changes for subscribers and who will get what (per person: invitation, \
            update or cancellation, session, time). Each person gets at most one message per session: the \
            net change between what they were last sent and what is now published, or nothing when it is \
            back to what they last saw; queued messages that this makes wrong are dropped unsent. A draft \
            that breaks a hard rule is refused unless --force. `convene invite` then sends the mail.
            """)

    @Flag(help: "Show what would be published and queued; change nothing.")
    var dryRun = false

    @Flag(help: "Publish even if the draft breaks hard rules, recording them in the audit log.")
    var force = false

    @Option(help: "Why, for the audit log.")
    var reason: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The server's public address: each person mailed gets a new page link (earlier links keep working) "
            + "in their invitations and updates, to answer on.", valueName: "url"))
    var baseURL: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let baseURL {
            do { _ = try FeedLinks(baseURL: baseURL) } catch let e as ServerError { throw ValidationError(e.message) }
        }
    }

    func run() async throws {
        try await failing {
            let publisher = Publisher(store: try database.open())
            let plan = try publisher.plan(at: .now())
            for line in plan.lines { print(line) }
            if plan.isEmpty {
                print("nothing to publish: subscribers and invitees already have this schedule")
                return
            }
            if dryRun {
                print("dry run: nothing published or queued" + (plan.conflicts.isEmpty || force ? "" : " (publishing needs --force)"))
                return
            }
            let release = try publisher.publish(plan, force: force, reason: reason,
                                                pageBaseURL: try baseURL.map { try FeedLinks(baseURL: $0).base })
            let n = plan.notices.count
            print("published release \(release.number) (schedule version \(release.schedule.number)); "
                + (n == 0 ? "no mail to send" : "queued \(n) message\(n == 1 ? "" : "s") (send them with `convene invite`)"))
        }
    }
}
