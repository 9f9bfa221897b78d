import ConveneCore
import Foundation
import Testing
@testable import ConveneStore
import ConveneTestFixtures
import GRDB

/// Events side by side in one store: the index of events, a person across events, and a store
/// scoped to one event.
struct StoreEventsTests {
    @Test(arguments: StoreKind.available) func theIndexListsEachEventWithItsDaysPlaceAndOrganizer(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        #expect(try store.events() == [])
        var event = sampleEvent()
        event.venue = Venue(name: LocalizedText(en: "Town hall"))
        let second = LocalDate(year: 2027, month: 2, day: 23)
        event.days.append(EventDay(date: second, opens: at("2027-02-23T09:00:00+09:00"), closes: at("2027-02-23T18:00:00+09:00")))
        try store.importPlan(event, planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(try store.events() == [EventSummary(
            id: "demo", name: LocalizedText(en: "Demo"), timeZone: "Asia/Tokyo", firstDay: LocalDate(year: 2027, month: 2, day: 22),
            lastDay: second, venue: Venue(name: LocalizedText(en: "Town hall")), organizer: "Office")])
        #expect(try store.events(of: "p-a") == ["demo"])
        #expect(try store.events(of: "p-nobody") == [])
    }

    @Test(arguments: StoreKind.available) func aScopedStoreSharesTheFileAndKeepsItsEventWhenActingForSomeone(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        #expect(store.eventID == nil)
        let scoped = store.scoped(to: "demo").acting(as: "Ito Naoko, on their page")
        #expect(scoped.eventID == "demo")
        #expect(scoped.path == store.path)
        #expect(scoped.actor == "Ito Naoko, on their page")
        try scoped.importPlan(sampleEvent(), planFile: "plan.yaml", at: at("2027-01-01T00:00:00Z"))
        #expect(try store.event()?.id == "demo")
        #expect(try store.auditLog().map(\.actor) == ["Ito Naoko, on their page"])
    }

    /// Two events in one store with the same session, room and person ids, on purpose: each is
    /// imported, scheduled, published, queued, answered, pinned, digested and audited through its
    /// own scoped store, and neither ever sees the other's rows.
    @Test(arguments: StoreKind.available) func twoEventsWithTheSameIdsStayApart(_ kind: StoreKind) throws {
        let fresh = try kind.makeStore()
        defer { withExtendedLifetime(fresh) {} }
        let store = fresh.store
        let ids = ["forum", "seminar"]
        for (i, id) in ids.enumerated() {
            let s = store.scoped(to: id)
            let day = "2027-0\(i + 2)-22"
            var event = sampleEvent()
            event.id = id
            event.name = LocalizedText(en: id)
            if id == "seminar" {
                event.stakeholders.append(Stakeholder(id: "p-b", name: "B", email: "b@example.org", group: .industry,
                                                      timeZone: "Asia/Tokyo", language: .en))
            }
            let busy = BusyPeriod(interval: Interval(start: at("\(day)T00:00:00Z"), end: at("\(day)T01:00:00Z")), source: "\(id).ics")
            let imported = try s.importPlan(event, planFile: "\(id).yaml", busy: ["p-a": [busy]], at: at("2027-01-01T00:00:00Z"))
            #expect(imported.added == 4 + i)
            let start = at("\(day)T09:00:00+09:00")
            let version = try s.saveSchedule(assignments: [Assignment(session: "s-1", room: "hall", start: start, picked: ["p-a"])],
                                             unscheduled: [Solution.Unscheduled(session: "s-2", reason: "no room in \(id)")],
                                             at: at("2027-01-02T00:00:00Z"))
            try s.save(ChangeRecord(basedOn: version.number, facts: try s.factsRevision(), command: "pin", detail: "pinned in \(id)",
                                    pin: .pin(session: "s-1", room: "hall", start: start)), at: at("2027-01-02T00:01:00Z"))
            let release = try s.publish(PublishRecord(
                version: version.number, after: nil, facts: try s.factsRevision(), reason: "first \(id)", detail: "",
                supersede: [], queue: [OutboxMessage(
                    messageID: "m-\(id)", person: "p-a", session: "s-1", uid: "s-1.\(id)@convene", sequence: 0, kind: .invitation,
                    room: "hall", start: start, required: true, recipient: "a@example.org", subject: id, bytes: Array(id.utf8),
                    queuedAt: at("2027-01-03T00:00:00Z"), version: version.number)]), at: at("2027-01-03T00:00:00Z"))
            #expect(release.schedule == version)
            try s.save(ChangeRecord(
                basedOn: version.number, command: "rsvp", detail: "",
                answers: [RSVPAnswer(person: "p-a", session: "s-1", sequence: 0, answer: i == 0 ? .accepted : .declined,
                                     repliedAt: nil, source: "\(id).ics")],
                held: [HeldReply(file: "\(id).eml", sender: "x@example.org", subject: nil, sentAt: nil, excerpt: id,
                                 attendee: nil, calendar: nil, reason: "written in words")],
                availability: [AvailabilityAnswer(person: "p-a", anyTime: i == 0, cells: [], note: id, answeredAt: at("2027-01-04T00:00:00Z"))]),
                at: at("2027-01-04T00:00:00Z"))
            let digest = DigestCursor(auditID: 99 + i, heldID: 1, conflicts: [id])
            let mail = OutboxMessage(messageID: "d-\(id)", person: "", session: "", uid: "d-\(id)", sequence: 0, kind: .digest, room: "",
                                     start: at("2027-01-05T00:00:00Z"), required: nil, recipient: "office@example.org", subject: "digest",
                                     bytes: Array("digest".utf8), queuedAt: at("2027-01-05T00:00:00Z"), version: nil)
            #expect(try s.queueDigest(mail, from: nil, to: digest, at: at("2027-01-05T00:00:00Z")))
        }
        for (i, id) in ids.enumerated() {
            let s = store.scoped(to: id)
            let day = "2027-0\(i + 2)-22"
            #expect(try s.event()?.id == id)
            #expect(try s.event()?.stakeholders.map(\.id) == (i == 0 ? ["p-a"] : ["p-a", "p-b"]))
            #expect(try s.planFile() == "\(id).yaml")
            #expect(try s.busy()["p-a"]?.map(\.source) == ["\(id).ics"])
            let history = try s.history()
            #expect(history.map(\.unscheduled) == [[Solution.Unscheduled(session: "s-2", reason: "no room in \(id)")]])
            #expect(try s.currentSchedule() == history.last)
            #expect(try s.schedule(version: history[0].number) == history[0])
            #expect(try s.releases().map(\.reason) == ["first \(id)"])
            #expect(try s.pins() == ["s-1": Session.Pin(room: "hall", start: at("\(day)T09:00:00+09:00"))])
            #expect(try s.outbox().map(\.messageID) == ["m-\(id)", "d-\(id)"])
            #expect(try s.dueMessages(at: at("2027-01-06T00:00:00Z")).map(\.messageID) == ["m-\(id)", "d-\(id)"])
            #expect(try s.answers().map(\.source) == ["\(id).ics"])
            #expect(try s.availabilityAnswers().mapValues(\.note) == ["p-a": id])
            #expect(try s.availabilitySaveCount() == 1)
            #expect(try s.heldReplies().map(\.excerpt) == [id])
            #expect(try s.digestCursor() == DigestCursor(auditID: 99 + i, heldID: 1, conflicts: [id]))
            #expect(try s.auditLog().map(\.action) == ["import", "schedule", "pin", "publish", "availability", "digest"])
            #expect(try s.auditLog().first?.detail.hasPrefix("\(id).yaml") == true)
            let status = try s.status()
            #expect(status.event == id)
            #expect((status.people, status.sessions, status.scheduled, status.unscheduled, status.busyPeriods) == (1 + i, 2, 1, 1, 1))
            let released = try release(of: id, in: store)
            #expect((status.scheduleVersions, status.release, status.auditEntries) == (1, released, 6))
            #expect(try s.outboxStatus().queued == 2)
        }
        // Numbers run across the store: the seminar's first version is the store's second.
        #expect(try store.scoped(to: "forum").currentSchedule()?.number == 1)
        #expect(try store.scoped(to: "seminar").currentSchedule()?.number == 2)
        // A version, a pin or a held reply of one event is not the other's.
        #expect(try store.scoped(to: "forum").schedule(version: 2) == nil)
        let unpin = ChangeRecord(basedOn: 1, command: "unpin", detail: "", pin: .unpin(session: "s-1"))
        try store.scoped(to: "forum").save(unpin, at: at("2027-01-06T00:00:00Z"))
        #expect(throws: StoreError("session 's-1' is not pinned by an admin")) {
            try store.scoped(to: "forum").save(unpin, at: at("2027-01-06T00:00:00Z"))
        }
        let seminarHeld = try #require(try store.scoped(to: "seminar").heldReplies().first?.id)
        #expect(throws: StoreError("no reply \(seminarHeld) is held (see `convene inbox`)")) {
            try store.scoped(to: "forum").dismissHeldReply(seminarHeld, at: at("2027-01-06T00:00:00Z"))
        }
        #expect(try store.scoped(to: "seminar").pins().count == 1)
        // A reply matched to no event is listed in both events' inboxes until one of them settles it.
        let stray = HeldReply(file: "stray.eml", sender: "z@example.org", subject: nil, sentAt: nil, excerpt: "stray", attendee: nil,
                              calendar: nil, reason: "names no session of any event")
        #expect(try store.holdUnmatched([stray, stray], command: "inbox", at: at("2027-01-06T00:00:00Z")) == 1)
        #expect(try store.holdUnmatched([stray], command: "inbox", at: at("2027-01-06T00:00:00Z")) == 0)
        #expect(try store.scoped(to: "forum").heldReplies().map(\.excerpt) == ["forum", "stray"])
        #expect(try store.scoped(to: "seminar").heldReplies().map(\.excerpt) == ["seminar", "stray"])
        let strayID = try #require(try store.scoped(to: "seminar").heldReplies().last?.id)
        try store.scoped(to: "seminar").dismissHeldReply(strayID, at: at("2027-01-06T00:00:00Z"))
        #expect(try store.scoped(to: "forum").heldReplies().map(\.excerpt) == ["forum"])
        // A publish or change of one event is not stale because of the other's.
        #expect(try store.scoped(to: "seminar").factsRevision() == 3)
        // The unscoped store refuses every per-event read and write, naming both events.
        let refusal = StoreError("the store holds 2 events: forum, seminar; give --event ID")
        let now = at("2027-01-06T00:00:00Z")
        let perEvent: [() throws -> Any] = [
            { try store.event() as Any }, { try store.planFile() as Any }, { try store.removedSessions() }, { try store.busy() },
            { try store.currentSchedule() as Any }, { try store.schedule(version: 1) as Any }, { try store.history() },
            { try store.releases() }, { try store.pins() }, { try store.restoredVersions() }, { try store.outbox() },
            { try store.dueMessages(at: now) }, { try store.outboxStatus() }, { try store.answers() },
            { try store.availabilityAnswers() }, { try store.availabilitySaveCount() }, { try store.heldReplies() },
            { try store.digestCursor() as Any }, { try store.factsRevision() }, { try store.auditLog() }, { try store.status() },
            { try store.save(ChangeRecord(basedOn: nil, command: "pin", detail: "", pin: .unpin(session: "s-1")), at: now) },
            { try store.publish(PublishRecord(version: 1, after: nil, reason: nil, detail: "", supersede: [], queue: []), at: now) },
            { try store.queueRequests([], pageTokens: [:], command: "ask", detail: "", at: now) },
            { try store.advanceDigest(from: nil, to: DigestCursor(auditID: 0, heldID: 0, conflicts: []), at: now) },
            { try store.dismissHeldReply(1, at: now) },
        ]
        for call in perEvent { #expect(throws: refusal) { _ = try call() } }
        // An import names its event: the unscoped store updates the forum from its plan, and only the forum.
        var forum = sampleEvent(sessions: ["s-1", "s-2", "s-3"])
        forum.id = "forum"
        forum.name = LocalizedText(en: "forum")
        let reimport = try store.save(ChangeRecord(basedOn: 1, command: "import", detail: "",
                                                   plan: ChangeRecord.Plan(event: forum, file: "forum.yaml", busy: [:])), at: now)
        #expect(reimport.imported?.added == 1)
        #expect(try store.scoped(to: "forum").event()?.sessions.map(\.id) == ["s-1", "s-2", "s-3"])
        #expect(try store.scoped(to: "forum").busy() == [:])
        #expect(try store.scoped(to: "seminar").event()?.sessions.map(\.id) == ["s-1", "s-2"])
        #expect(try store.scoped(to: "seminar").busy()["p-a"]?.count == 1)
        #expect(throws: StoreError("the store holds no event 'other'; it holds forum, seminar")) {
            try store.scoped(to: "other").save(ChangeRecord(basedOn: nil, command: "pin", detail: "", pin: .unpin(session: "s-1")),
                                               at: at("2027-01-06T00:00:00Z"))
        }
        #expect(try store.scoped(to: "other").event() == nil)
        #expect(try store.eventIDs() == ids)
        #expect(try store.events().map(\.id) == ids)
        try expectForeignKeysHold(store)
    }

    /// The release number of an event's only release, read apart from the store's own queries.
    private func release(of event: String, in store: Store) throws -> Int? {
        try store.read { try Int.fetchOne($0, sql: "SELECT number FROM schedule_release WHERE event_id = ?", arguments: [event]) }
    }

    /// A one-event database written before events were kept apart (the schema of `v7-digest-outbox`,
    /// a row in every table) upgrades in place: every row kept, each now the event's, the AUTOINCREMENT
    /// counters where they were, and every foreign key holding.
    @Test func aOneEventDatabaseUpgradesKeepingEveryRow() throws {
        let tmp = try TemporaryDatabase()
        var header = sampleEvent()
        let (room, person, sessions) = (header.rooms[0], header.stakeholders[0], header.sessions)
        (header.rooms, header.stakeholders, header.sessions) = ([], [], [])
        let live = String(repeating: "a", count: 64), page = String(repeating: "b", count: 64)
        var before: [String: Int] = [:]
        do {
            let queue = try DatabaseQueue(path: tmp.path)
            try Migrations.migrator.migrate(queue, upTo: "v7-digest-outbox")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO event VALUES ('demo', 'Demo', 'Asia/Tokyo', 'plan.yaml', ?, '2027-01-01T00:00:00Z');
                    INSERT INTO room VALUES ('hall', 'demo', 0, 'Hall', ?, NULL);
                    INSERT INTO person VALUES ('p-a', 'demo', 0, 'A', 'a@example.org', 'patient', ?, NULL);
                    INSERT INTO session VALUES ('s-1', 'demo', 0, 'One', ?, NULL), ('s-2', 'demo', 1, 's-2', ?, '2027-01-02T00:00:00Z');
                    """, arguments: [try json(header), try json(room), try json(person), try json(sessions[0]), try json(sessions[1])])
                try db.execute(sql: """
                    INSERT INTO busy_period (person_id, start, end, strength, summary, source)
                        VALUES ('p-a', '2027-02-22T00:00:00Z', '2027-02-22T01:00:00Z', 'busy', NULL, 'a.ics');
                    INSERT INTO schedule_version (created_at, command, score_unscheduled, score_soft)
                        VALUES ('2027-01-01T00:01:00Z', 'schedule', 1, 0), ('2027-01-01T00:02:00Z', 'undo', 1, 0);
                    INSERT INTO assignment VALUES (1, 's-1', 'hall', '2027-02-22T00:00:00Z'), (2, 's-1', 'hall', '2027-02-22T01:00:00Z');
                    INSERT INTO unscheduled VALUES (1, 's-2', 'no room'), (2, 's-2', 'no room');
                    INSERT INTO assignment_pick VALUES (1, 's-1', 0, 'p-a');
                    INSERT INTO schedule_restore VALUES (2, 1);
                    INSERT INTO admin_pin VALUES ('s-1', 'hall', '2027-02-22T00:00:00Z', '2027-01-01T00:03:00Z');
                    INSERT INTO schedule_release (version, published_at, reason) VALUES (1, '2027-01-01T00:04:00Z', 'first');
                    INSERT INTO audit_log (at, command, action, detail, version, actor) VALUES
                        ('2027-01-01T00:00:00Z', 'import', 'import', 'plan.yaml', NULL, 'me'),
                        ('2027-01-01T00:01:00Z', 'schedule', 'schedule', 'version 1', 1, 'me'),
                        ('2027-01-01T00:02:00Z', 'undo', 'schedule', 'version 2', 2, 'me');
                    DELETE FROM audit_log WHERE id = 3;
                    INSERT INTO rsvp (person_id, session_id, sequence, answer, received_at, source, room_id, start)
                        VALUES ('p-a', 's-1', 0, 'accepted', '2027-01-01T00:05:00Z', 'r.ics', 'hall', '2027-02-22T00:00:00Z');
                    INSERT INTO held_reply (received_at, file, excerpt, reason) VALUES ('2027-01-01T00:06:00Z', 'x.eml', 'hi', 'written in words');
                    UPDATE facts_revision SET number = 7;
                    INSERT INTO availability_answer (person_id, answered_at, any_time, note, cells)
                        VALUES ('p-a', '2027-01-01T00:07:00Z', 1, 'any day', '[]');
                    INSERT INTO mailbox_unreadable VALUES ('imap://127.0.0.1/INBOX', 5, 'no text', '2027-01-01T00:08:00Z');
                    INSERT INTO send_lease VALUES (1, 'host:1', '2027-01-01T00:09:00Z', 1800000000);
                    INSERT INTO live_calendar (person_id, address, busy) VALUES ('p-a', 'https://example.org/a.ics', '[]');
                    INSERT INTO digest_state VALUES (1, 2, 1, '["a conflict"]', '2027-01-01T00:10:00Z');
                    INSERT INTO outbox (message_id, person_id, session_id, uid, sequence, method, kind, room_id, start, recipient,
                                        subject, message, queued_at, position, version, release) VALUES
                        ('m1', 'p-a', 's-1', 'u', 0, 'REQUEST', 'invitation', 'hall', '2027-02-22T00:00:00Z', 'a@example.org',
                         'One', X'41', '2027-01-01T00:04:00Z', 1, 1, 1),
                        ('d1', NULL, NULL, 'd1', 0, NULL, 'digest', '', '2027-01-01T00:10:00Z', 'office@example.org',
                         'digest', X'42', '2027-01-01T00:10:00Z', 2, NULL, NULL);
                    """)
                try db.execute(sql: "INSERT INTO feed_token (person_id, hash, created_at) VALUES ('p-a', ?, '2027-01-01T00:11:00Z')",
                               arguments: [live])
                try db.execute(sql: "INSERT INTO page_token (person_id, hash, created_at) VALUES ('p-a', ?, '2027-01-01T00:11:00Z')",
                               arguments: [page])
                for table in try Self.tables(db) { before[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") }
            }
        }
        #expect(before.count == 24)
        #expect(before.values.allSatisfy { $0 > 0 }, "\(before)")
        let store = try Store(path: tmp.path)
        let after = try store.read { db in
            try Dictionary(uniqueKeysWithValues: Self.tables(db).map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")!) })
        }
        #expect(after == before)
        try expectForeignKeysHold(store)
        // Every row that belongs to an event is the one event's.
        let unowned = try store.read { db in
            try Self.tables(db).filter { table in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).contains("event_id")
                    && Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE event_id IS NOT 'demo'")! > 0
            }
        }
        #expect(unowned == [])
        // What was there reads as before, through the store.
        #expect(try store.event()?.sessions.map(\.id) == ["s-1"])
        #expect(try store.removedSessions().map(\.session.id) == ["s-2"])
        #expect(try store.busy()["p-a"]?.map(\.source) == ["a.ics"])
        #expect(try store.history().map(\.number) == [1, 2])
        #expect(try store.schedule(version: 1)?.assignment(of: "s-1")?.picked == ["p-a"])
        #expect(try store.restoredVersions() == [2: 1])
        #expect(try store.pins().keys.sorted() == ["s-1"])
        #expect(try store.releases().map(\.reason) == ["first"])
        #expect(try store.outbox().map(\.messageID) == ["m1", "d1"])
        #expect(try store.answers().map(\.answer) == [.accepted])
        #expect(try store.heldReplies().map(\.excerpt) == ["hi"])
        #expect(try store.availabilityAnswers()["p-a"]?.note == "any day")
        #expect(try store.factsRevision() == 7)
        #expect(try store.digestCursor() == DigestCursor(auditID: 2, heldID: 1, conflicts: ["a conflict"]))
        #expect(try store.liveFeedTokenHashes() == [live: "p-a"])
        #expect(try store.liveTokenHashes(.page) == [page: "p-a"])
        #expect(try store.liveCalendars().keys.sorted() == ["p-a"])
        #expect(try store.unreadableMessages(mailbox: "imap://127.0.0.1/INBOX") == [5])
        #expect(try store.sendLeaseHolder(at: at("2027-01-01T00:09:00Z"))?.holder == "host:1")
        #expect(try store.status().scheduleVersions == 2)
        // An id once given is not given again: the deleted third audit entry's number stays used.
        try store.revokeFeedToken(for: "p-a", at: at("2027-01-02T00:00:00Z"))
        #expect(try store.auditLog().map(\.id) == [1, 2, 4])
        // And a second event now goes beside it.
        var seminar = sampleEvent()
        seminar.id = "seminar"
        try store.scoped(to: "seminar").importPlan(seminar, planFile: "seminar.yaml", at: at("2027-01-03T00:00:00Z"))
        #expect(try store.eventIDs() == ["demo", "seminar"])
        #expect(try store.scoped(to: "demo").history().map(\.number) == [1, 2])
        try expectForeignKeysHold(store)
    }

    /// The tables holding Convene's data, by name, read through the store.
    private static func tables(_ db: SQLDatabase) throws -> [String] {
        try String.fetchAll(db, sql: tablesSQL)
    }

    /// The tables holding Convene's data, by name, read before the store opens the file.
    private static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: tablesSQL)
    }

    private static let tablesSQL = """
        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name
        """

    /// A person in two events is one person: one feed and one page token, their live calendar
    /// changes both events' facts, and removing them from one event leaves the other.
    @Test(arguments: StoreKind.available) func aPersonInTwoEventsIsOnePerson(_ kind: StoreKind) throws {
        let (tmp, store) = try twoEventStore(kind)
        defer { withExtendedLifetime(tmp) {} }
        #expect(try store.events(of: "p-a") == ["forum", "seminar"])
        let hash = String(repeating: "a", count: 64)
        try store.addFeedToken(hash: hash, for: "p-a", at: at("2027-01-02T00:00:00Z"))
        try store.addToken(.page, hash: String(repeating: "b", count: 64), for: "p-a", at: at("2027-01-02T00:00:00Z"),
                           command: "pages issue")
        #expect(try store.liveFeedTokenHashes() == [hash: "p-a"])
        #expect(try store.liveTokenHashes(.page).values.sorted() == ["p-a"])
        for id in ["forum", "seminar"] {
            #expect(try store.scoped(to: id).feedTokens().map(\.person) == ["p-a"])
            // The token's entry is store-wide: both events' logs show it.
            #expect(try store.scoped(to: id).auditLog().map(\.action) == ["import", "feed-token", "page-token"])
        }
        // A live calendar is the person's in both events: each event's facts change.
        let facts = try ["forum", "seminar"].map { try store.scoped(to: $0).factsRevision() }
        let calendar = LiveCalendar(person: "p-a", address: "https://example.org/a.ics", busy: [], state: LiveCalendar.FetchState())
        try store.scoped(to: "forum").save(ChangeRecord(basedOn: nil, command: "calendar", detail: "",
                                                        liveCalendars: [LiveCalendarWrite(person: "p-a", calendar: calendar)]),
                                           at: at("2027-01-03T00:00:00Z"))
        #expect(try ["forum", "seminar"].map { try store.scoped(to: $0).factsRevision() } == facts.map { $0 + 1 })
        #expect(try store.scoped(to: "seminar").liveCalendars().keys.sorted() == ["p-a"])
        // Dropped from the forum's plan, they stay in the seminar, with their token.
        var forum = sampleEvent()
        forum.id = "forum"
        forum.stakeholders = []
        forum.sessions = []
        try store.scoped(to: "forum").importPlan(forum, planFile: "forum.yaml", at: at("2027-01-04T00:00:00Z"))
        #expect(try store.events(of: "p-a") == ["seminar"])
        #expect(try store.liveFeedTokenHashes() == [hash: "p-a"])
        #expect(try store.scoped(to: "forum").event()?.stakeholders == [])
        #expect(try store.scoped(to: "seminar").event()?.stakeholders.map(\.id) == ["p-a"])
        // A token or a live calendar still needs a person some event lists.
        #expect(throws: StoreError("no stakeholder 'p-nobody' in the plan")) {
            try store.addFeedToken(hash: String(repeating: "c", count: 64), for: "p-nobody", at: at("2027-01-05T00:00:00Z"))
        }
        // Importing a plan through a store scoped to another event is refused.
        #expect(throws: StoreError("the plan is event 'forum', not 'seminar'; give --event forum or none")) {
            try store.scoped(to: "seminar").importPlan(forum, planFile: "forum.yaml", at: at("2027-01-05T00:00:00Z"))
        }
        try expectForeignKeysHold(store)
    }
}

/// Every foreign key of the store holds. PostgreSQL checks each key as rows are written (none is
/// deferred or turned off), so only SQLite's file needs looking at.
func expectForeignKeysHold(_ store: Store) throws {
    guard store.dialect == .sqlite else { return }
    let broken = try store.read { try SQLRow.fetchAll($0, sql: "PRAGMA foreign_key_check") }
    #expect(broken.isEmpty, "\(broken)")
}
