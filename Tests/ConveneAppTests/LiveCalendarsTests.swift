import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Foundation
import Testing

@Suite(.serialized, .timeLimit(.minutes(1))) struct LiveCalendarsTests {
    let allowed = CalendarFetcher(allowPrivateAddresses: true)
    /// 09:30–10:30 in Tokyo: the opening's place in the forum's draft.
    let opening = ("20270222T003000", "20270222T013000")

    /// Saved on the page: fetched, read as a calendar file is (titles dropped), recorded as a fact with
    /// the conflict it brings, the address kept out of the audit log; a new schedule avoids the time.
    @Test func aSavedCalendarIsAFactThatSchedulingAvoids() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        try server.serve("claire.ics", busy: [opening])
        let (store, _) = try Forum.store()
        try Forum.draft(store)
        let revision = try store.factsRevision()
        let address = server.url("/claire.ics?secret=s3cr3t")
        let result = try LiveCalendars(store: store, fetcher: allowed).save(person: "c-dubois", address: address, at: Forum.stamp)
        #expect(result.outcome == .changed(1))
        #expect(result.change?.proposal.added.map(\.kind) == [.personUnavailable])
        #expect(try store.factsRevision() == revision + 1)
        let stored = try #require(try store.liveCalendars()["c-dubois"])
        #expect(stored.address == address && stored.state.etag != nil && stored.state.lastModified != nil && stored.state.failures == 0)
        #expect(stored.busy.map(\.interval.start) == [Forum.at("2027-02-22 09:30")] && stored.busy.allSatisfy { $0.summary == nil })
        let audit = try #require(try store.auditLog().last)
        #expect(audit.action == "calendar" && audit.detail.contains("by the person, on their page: 1 busy time read"))
        #expect(!audit.detail.contains("s3cr3t") && !audit.detail.contains("claire.ics"))

        // A stale draft is refused: the facts changed under it.
        #expect(throws: StoreError.self) {
            try store.save(ChangeRecord(basedOn: 1, facts: revision, command: "move", detail: "", version: .init(
                assignments: Forum.schedule, unscheduled: [], score: nil)), at: Forum.stamp)
        }

        let solved = try ChangePipeline(store: store).apply(
            SolveSchedule(mode: .fromScratch, timeLimit: .seconds(2), seed: 1), force: false, reason: nil, at: Forum.stamp)
        let open = try #require(solved.saved?.version?.assignments.first { $0.session == "s-open" })
        #expect(!Interval(start: open.start, end: open.start.adding(minutes: 60))
            .overlaps(Interval(start: Forum.at("2027-02-22 09:30"), end: Forum.at("2027-02-22 10:30"))))
        let report = AvailabilityReport(try ChangePipeline(store: store).current())
        let claire = try #require(report.people.first { $0.id == "c-dubois" })
        #expect(claire.calendar?.address == "http://127.0.0.1:\(server.port)/…" && claire.calendar?.busy == 1)
    }

    /// A 304 records nothing; a changed calendar is one new fact; a failure keeps the last good busy times.
    @Test func refreshRecordsOnlyChangesAndKeepsTheLastGoodBusyTimes() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        try server.serve("claire.ics", busy: [opening])
        let (store, _) = try Forum.store()
        let calendars = LiveCalendars(store: store, fetcher: allowed)
        _ = try calendars.save(person: "c-dubois", address: server.url("/claire.ics"), at: Forum.stamp)
        let (revision, audits) = (try store.factsRevision(), try store.auditLog().count)

        let later = Forum.stamp.adding(minutes: 15)
        #expect(try calendars.refresh(at: later).map(\.outcome) == [.unchanged])
        #expect(try store.factsRevision() == revision && store.auditLog().count == audits)
        #expect(try store.liveCalendars()["c-dubois"]?.state.fetchedAt == later)

        try server.serve("claire.ics", busy: [opening, ("20270222T050000", "20270222T060000")])
        #expect(try calendars.refresh(person: "c-dubois", at: later).map(\.outcome) == [.changed(2)])
        #expect(try store.factsRevision() == revision + 1 && store.auditLog().count == audits + 1)
        #expect(try store.auditLog().last?.detail.contains("by a refresh: 2 busy times read") == true)

        try FileManager.default.removeItem(atPath: server.folder + "/claire.ics")
        let failed = try calendars.refresh(at: later)
        #expect(failed.map(\.outcome) == [.failed("calendar at http://127.0.0.1:\(server.port)/…: the server answered HTTP 404")])
        let kept = try #require(try store.liveCalendars()["c-dubois"])
        #expect(kept.busy.count == 2 && kept.state.failures == 1 && kept.state.error != nil)
        #expect(try store.factsRevision() == revision + 1)
        #expect(!LiveCalendars.isDue(kept, every: 60, at: later.adding(minutes: 1)))
        #expect(LiveCalendars.isDue(kept, every: 60, at: later.adding(minutes: 2)))
    }

    /// The fetcher's limits reach the page's save: a redirect loop, 50 MB and loopback (unless allowed)
    /// are errors in words, the address saved without busy times; a bad scheme is refused outright.
    @Test func limitsAndRefusalsAreShownInWords() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        try server.serve("claire.ics", busy: [opening])
        let (store, _) = try Forum.store()
        let refusing = LiveCalendars(store: store)
        let refused = try refusing.save(person: "c-dubois", address: server.url("/claire.ics"), at: Forum.stamp)
        #expect(refused.outcome == .failed("calendar at http://127.0.0.1:\(server.port)/…: refused: 127.0.0.1 is a loopback address "
            + "(not fetched unless private addresses are allowed)"))
        #expect(try store.liveCalendars()["c-dubois"]?.busy == [])
        let loop = try LiveCalendars(store: store, fetcher: allowed).save(person: "c-dubois", address: server.url("/loop"), at: Forum.stamp)
        #expect("\(loop.outcome)".contains("more than 3 redirects"))
        let big = try LiveCalendars(store: store, fetcher: allowed).save(person: "c-dubois", address: server.url("/big"), at: Forum.stamp)
        #expect("\(big.outcome)".contains("larger than 5 MB"))
        #expect(throws: AppError.self) { try refusing.save(person: "c-dubois", address: "file:///etc/passwd", at: Forum.stamp) }
        try LiveCalendars(store: store).remove(person: "c-dubois", at: Forum.stamp)
        #expect(try store.liveCalendars().isEmpty)
        #expect(try store.auditLog().last?.detail.contains("removed, by the person, on their page") == true)
    }

    /// The plan's calendar files are read again when one changes on disk, and only then.
    @Test func calendarFilesAreReadAgainWhenTheyChange() throws {
        let server = try CalendarServer()
        defer { server.stop() }
        let (store, dir) = try Forum.store()
        var event = Forum.event
        event.stakeholders[1].calendars = ["claire.ics"]
        try store.save(ChangeRecord(basedOn: nil, command: "import", detail: "",
                                    plan: ChangeRecord.Plan(event: event, file: dir + "/plan.yaml", busy: [:])), at: Forum.stamp)
        try server.serve("claire.ics", busy: [opening])
        try FileManager.default.copyItem(atPath: server.folder + "/claire.ics", toPath: dir + "/claire.ics")
        let files = CalendarFiles(store: store)
        let first = try files.refresh(seen: [:], at: Forum.stamp)
        #expect(first.read && first.change?.saved != nil && first.error == nil)
        #expect(try store.busy()["c-dubois"]?.map(\.interval.start) == [Forum.at("2027-02-22 09:30")])
        let revision = try store.factsRevision()
        let again = try files.refresh(seen: first.seen, at: Forum.stamp)
        #expect(try !again.read && store.factsRevision() == revision)
        try "not a calendar".write(toFile: dir + "/claire.ics", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: dir + "/claire.ics")
        let broken = try files.refresh(seen: again.seen, at: Forum.stamp)
        #expect(try broken.error != nil && store.busy()["c-dubois"]?.count == 1)
    }
}
