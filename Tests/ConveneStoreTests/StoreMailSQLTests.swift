import ConveneCore
import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// The outbox, answers, tokens, live calendars, held replies, mailbox, send lease and digest speak
/// the SQL both databases accept: run for real on SQLite, what they send holds none of SQLite's own forms.
struct StoreMailSQLTests {
    /// Forms PostgreSQL refuses beyond those `StorePortableSQLTests` names: a blob literal, and a
    /// placeholder whose type nothing around it gives.
    static let alsoRefused: [(pattern: String, instead: String)] = [
        (#"\bX''"#, "no blob literal: leave the column out"),
        (#"\?\s+IS\s+(NOT\s+)?NULL"#, "a condition chosen in Swift, not ? IS NULL"),
    ]

    static func refusedForms(in sql: String) -> [String] {
        StorePortableSQLTests.sqliteOnlyForms(in: sql) + alsoRefused.compactMap { rule in
            sql.range(of: rule.pattern, options: [.regularExpression, .caseInsensitive]) == nil ? nil : rule.instead
        }
    }

    @Test func theCheckFindsBlobLiteralsAndUntypedNullTests() {
        #expect(Self.refusedForms(in: "SELECT message_id, X'' AS message FROM outbox").count == 1)
        #expect(Self.refusedForms(in: "SELECT * FROM feed_token t WHERE ? IS NULL OR t.person_id = ?").count == 1)
        #expect(Self.refusedForms(in: "SELECT * FROM outbox WHERE claimed_at IS NOT NULL AND event_id = ?").isEmpty)
    }

    static func message(_ id: String, person: String = "p-a") -> OutboxMessage {
        OutboxMessage(messageID: id, person: person, session: "s-1", uid: "u-\(id)", sequence: 0, kind: .invitation, room: "hall",
                      start: at("2027-02-22T09:00:00+09:00"), required: true, recipient: "a@example.org", subject: "s",
                      bytes: Array("Subject: \(id)\r\n\r\nbody\r\n".utf8), queuedAt: at("2027-01-01T00:00:00Z"), version: 1)
    }

    static let hash = String(repeating: "ab", count: 32)

    @Test func mailAnswersTokensCalendarsRepliesLeaseAndDigestSpeakBothDatabases() throws {
        let statements = try RecordingBackend.statements(of: Self.exercise)
        #expect(statements.count > 60)
        for sql in statements {
            #expect(Self.refusedForms(in: sql).isEmpty, "\(sql)")
        }
    }

    /// Mail, answers, tokens, live calendars, held replies, the mailbox, the send lease and the
    /// digest, each written and read back through `store`.
    static func exercise(_ store: Store) throws {
        let start = at("2027-02-22T09:00:00+09:00")
        try store.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        try store.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start)], at: at("2027-01-01T00:01:00Z"))
        try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [],
                                        queue: [Self.message("m1"), Self.message("m2"), Self.message("m3")]),
                          at: at("2027-01-01T00:02:00Z"))

        // Outbox: read with and without bytes, claimed, sent, failed for now and for good.
        #expect(try store.outbox().map(\.messageID) == ["m1", "m2", "m3"])
        #expect(try store.outbox(includingBytes: false).map(\.bytes) == [[], [], []])
        #expect(try store.outbox().first?.bytes == Self.message("m1").bytes)
        let lease = SendLease(holder: "run-1")
        #expect(try store.takeSendLease(lease, at: at("2027-01-01T00:03:00Z")))
        #expect(try !store.takeSendLease(SendLease(holder: "run-2"), at: at("2027-01-01T00:03:30Z")))
        #expect(try store.sendLeaseHolder(at: at("2027-01-01T00:04:00Z"))?.holder == "run-1")
        #expect(try store.claim("m1", at: at("2027-01-01T00:04:00Z"), holding: lease))
        try store.markSent("m1", at: at("2027-01-01T00:04:01Z"))
        #expect(try store.claim("m2", at: at("2027-01-01T00:04:02Z")))
        try store.markFailed("m3", error: "550 no such user", permanent: true, retryAt: nil, at: at("2027-01-01T00:04:03Z"))
        try store.markFailed("m2", error: "451 later", permanent: false, retryAt: at("2027-01-01T01:00:00Z"),
                             at: at("2027-01-01T00:04:04Z"))
        #expect(try !store.isQueued("m1") && store.isQueued("m2"))
        #expect(try store.dueMessages(at: at("2027-01-01T00:30:00Z")).isEmpty)
        #expect(try store.dueMessages(at: at("2027-01-01T01:00:00Z")).map(\.messageID) == ["m2"])
        let status = try store.outboxStatus()
        #expect(status.sent == 1 && status.queued == 1 && status.failed == 1 && status.superseded == 0 && status.sending == 0)
        #expect(status.failures.map(\.error) == ["550 no such user"])
        #expect(status.nextAttempt == at("2027-01-01T01:00:00Z"))
        try store.releaseSendLease(lease)
        #expect(try store.sendLeaseHolder(at: at("2027-01-01T00:05:00Z")) == nil)

        // Answers: one stored once, with and without a reply time.
        let answers = [RSVPAnswer(person: "p-a", session: "s-1", sequence: 0, answer: .accepted, repliedAt: nil, source: "a.eml"),
                       RSVPAnswer(person: "p-a", session: "s-1", sequence: 0, answer: .declined,
                                  repliedAt: at("2027-01-01T00:06:00Z"), source: "b.eml")]
        let saved = try store.save(ChangeRecord(basedOn: 1, command: "rsvp", detail: "", answers: answers + answers),
                                   at: at("2027-01-01T00:06:00Z"))
        #expect(saved.answers == 2)
        #expect(try store.answers().map(\.answer) == [.accepted, .declined])

        // Held replies: held once, listed, known, dismissed.
        let reply = HeldReply(file: "c.eml", sender: "a@example.org", subject: "Re", sentAt: nil, excerpt: "yes",
                              attendee: nil, calendar: nil, reason: "written in words")
        #expect(try store.holdUnmatched([reply, reply], command: "rsvp", at: at("2027-01-01T00:07:00Z")) == 1)
        let held = try store.heldReplies()
        #expect(held.map(\.file) == ["c.eml"])
        #expect(try store.knowsHeldReply(reply))
        try store.dismissHeldReply(try #require(held.first?.id), at: at("2027-01-01T00:08:00Z"))
        #expect(try store.heldReplies().isEmpty && store.knowsHeldReply(reply))

        // Tokens, scoped and not, and the change stamp both ways.
        try store.addFeedToken(hash: Self.hash, for: "p-a", at: at("2027-01-01T00:09:00Z"))
        #expect(try store.feedTokens().map(\.person) == ["p-a"])
        #expect(try store.scoped(to: "demo").feedTokens().map(\.person) == ["p-a"])
        #expect(try store.liveFeedTokenHashes() == [Self.hash: "p-a"])
        #expect(try store.livePerson(tokenHash: Self.hash, .feed) == "p-a")
        let stamp = try store.changeStamp()
        #expect(stamp.lastToken == 1 && stamp.lastVersion == 1 && stamp.lastAudit > 0)
        // The token's audit entry is store-wide: the event's own stamp leaves it out.
        let scoped = try store.scoped(to: "demo").changeStamp()
        #expect(scoped.lastVersion == 1 && scoped.lastToken == 0 && scoped.lastAudit > 0 && scoped.lastAudit < stamp.lastAudit)
        try store.revokeFeedToken(for: "p-a", at: at("2027-01-01T00:10:00Z"))
        #expect(try store.livePerson(tokenHash: Self.hash, .feed) == nil)

        // Live calendars: saved, their state updated, listed scoped and not, removed.
        let calendar = LiveCalendar(person: "p-a", address: "https://example.org/a.ics", busy: [], state: .init())
        try store.save(ChangeRecord(basedOn: 1, command: "calendars", detail: "",
                                    liveCalendars: [LiveCalendarWrite(person: "p-a", calendar: calendar)]), at: at("2027-01-01T00:11:00Z"))
        #expect(try store.updateLiveCalendarState(person: "p-a", address: calendar.address, .init(etag: "\"1\"")))
        #expect(try store.liveCalendars()["p-a"]?.state.etag == "\"1\"")
        #expect(try store.scoped(to: "demo").liveCalendars().keys.sorted() == ["p-a"])
        try store.save(ChangeRecord(basedOn: 1, command: "calendars", detail: "",
                                    liveCalendars: [LiveCalendarWrite(person: "p-a", calendar: nil)]), at: at("2027-01-01T00:12:00Z"))
        #expect(try store.liveCalendars().isEmpty)

        // Mailbox and digest.
        #expect(try store.rememberUnreadable(mailbox: "INBOX", uid: 7, reason: "no text", at: at("2027-01-01T00:13:00Z")))
        #expect(try !store.rememberUnreadable(mailbox: "INBOX", uid: 7, reason: "no text", at: at("2027-01-01T00:13:00Z")))
        #expect(try store.unreadableMessages(mailbox: "INBOX") == [7])
        #expect(try store.digestCursor() == nil)
        let first = DigestCursor(auditID: 3, heldID: 1, conflicts: ["a"])
        var digest = Self.message("d1", person: "")
        digest.session = ""
        #expect(try store.queueDigest(digest, from: nil, to: first, at: at("2027-01-01T00:14:00Z")))
        #expect(try !store.advanceDigest(from: nil, to: first, at: at("2027-01-01T00:14:00Z")))
        #expect(try store.advanceDigest(from: first, to: DigestCursor(auditID: 5, heldID: 1, conflicts: []), at: at("2027-01-01T00:15:00Z")))
        #expect(try store.digestCursor()?.auditID == 5)
        #expect(try store.outbox().last?.messageID == "d1")
    }

    /// The copy into PostgreSQL reads an SQLite file: any other store is refused, naming it, before
    /// anything is sent.
    @Test func theCopyRefusesAStoreThatIsNotAnSQLiteFile() async throws {
        let tmp = try TemporaryDatabase()
        let sqlite = try #require(try Store(path: tmp.path).backend as? SQLiteBackend)
        let store = Store(backend: RecordingBackend(sqlite), path: "elsewhere", actor: "me", eventID: nil)
        let address = try PostgresAddress("postgres://convene@127.0.0.1:1/convene", password: nil)
        await #expect {
            try await PostgresCopy.copy(from: store, to: address)
        } throws: { error in
            "\(error)".contains("elsewhere is not an SQLite file") && "\(error)".contains("nothing was copied")
        }
    }
}

/// The same mail, answers, tokens, calendars, replies, lease and digest on PostgreSQL read back as on SQLite.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresMailTests {
    @Test func mailAnswersTokensCalendarsRepliesLeaseAndDigestRunOnPostgreSQL() throws {
        let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
        try StoreMailSQLTests.exercise(try Store(postgres: address))
    }
}
