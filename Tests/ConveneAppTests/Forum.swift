import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation
import ConveneTestFixtures
import Testing

/// The forum in a database, drafted, published and delivered as the application does it.
extension Forum {
    /// A fresh store of `kind` holding the forum, and a temporary folder for the files a test writes.
    static func store(on kind: StoreKind = .sqlite) throws -> (Store, String) {
        let dir = NSTemporaryDirectory() + "convene-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try kind.makeStore(in: dir)
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: event, file: "plan.yaml", busy: [:])), at: stamp)
        return (store, dir)
    }

    /// The forum drafted and published, as the people's invitations are queued.
    static func published(on kind: StoreKind = .sqlite) throws -> (Store, String) {
        let (store, dir) = try Forum.store(on: kind)
        try draft(store)
        try publish(store)
        return (store, dir)
    }

    /// The forum drafted, published and delivered, so replies answer real invitations.
    static func delivered(on kind: StoreKind = .sqlite) throws -> (Store, String) {
        let (store, dir) = try published(on: kind)
        try deliver(store, to: dir + "/out")
        return (store, dir)
    }

    /// Records reply files as `rsvp import` does.
    @discardableResult
    static func record(_ store: Store, _ files: [String]) throws -> ChangeOutcome {
        try ChangePipeline(store: store).apply(try RecordReplies(files: files), force: false, reason: nil, at: stamp)
    }

    /// Saves `assignments` as the new draft, as a solve would.
    @discardableResult
    static func draft(_ store: Store, _ assignments: [Assignment] = schedule, at now: Instant = stamp) throws -> ScheduleVersion {
        try store.save(ChangeRecord(basedOn: try store.currentSchedule()?.number, command: "schedule", detail: "",
                                    version: ChangeRecord.Version(assignments: assignments, unscheduled: [], score: nil)),
                       at: now).version!
    }

    /// Publishes the draft (accepting its conflicts) and returns the messages queued.
    @discardableResult
    static func publish(_ store: Store, at now: Instant = stamp) throws -> [Notice] {
        let publisher = Publisher(store: store)
        let plan = try publisher.plan(at: now)
        try publisher.publish(plan, force: true, reason: nil)
        return plan.notices
    }

    /// Delivers everything due into a folder; returns the Message-IDs sent.
    @discardableResult
    static func deliver(_ store: Store, to folder: String) throws -> [String] {
        let due = try store.dueMessages(at: stamp.adding(minutes: 100_000)).map(\.messageID)
        let report = try Delivery(store: store, transport: try FileTransport(directory: folder), sender: "forum@example.org",
                                  now: { stamp.adding(minutes: 100_000) }, sleep: { _ in }).run()
        #expect(report.sent == due.count)
        return due
    }

    /// A room and start as an assignment of `session`.
    static func place(_ session: String, _ room: String, _ local: String) -> Assignment {
        Assignment(session: session, room: room, start: at(local))
    }

    /// An iTIP REPLY from Claire Dubois to the opening.
    static func reply(_ partstat: String, sequence: Int = 0, comment: String? = nil, session: String = "s-open",
                      attendee: String = "Claire.Dubois@example.fr") -> String {
        ([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
            "UID:\(session).test-forum@convene", "SEQUENCE:\(sequence)", "DTSTAMP:20270115T10\(String(format: "%02d", sequence))00Z",
            "DTSTART:20270222T003000Z", "ORGANIZER:mailto:forum@example.org",
            "ATTENDEE;PARTSTAT=\(partstat);CN=Claire Dubois:mailto:\(attendee)",
        ] + (comment.map { ["COMMENT:\($0)"] } ?? []) + ["END:VEVENT", "END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    /// A mail message from `from`, with a text part and, when given, an iTIP part.
    static func message(from: String, calendar: String?, text: String = "Sorry, I cannot come.") -> String {
        var parts = """
            From: \(from)\r
            Subject: Re: Opening Plenary\r
            Date: Fri, 15 Jan 2027 11:12:33 +0100\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=UTF-8\r
            \r
            \(text)\r

            """
        if let calendar {
            parts += "--b1\r\nContent-Type: text/calendar; charset=UTF-8; method=REPLY\r\n\r\n\(calendar)\r\n"
        }
        return parts + "--b1--\r\n"
    }

    /// Writes text to a file in `dir` and returns its path.
    static func write(_ text: String, _ dir: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
