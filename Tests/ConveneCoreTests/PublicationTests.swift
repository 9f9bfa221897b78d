import ConveneCore
import Testing

struct PublicationTests {
    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    static func event(sessions: [String]) -> Event {
        Event(
            id: "forum-2027", name: LocalizedText(en: "Forum"), kind: .forum, timeZone: "Asia/Tokyo", slotMinutes: 15,
            days: [], organizer: Organizer(name: "Org", email: "org@example.org"),
            rooms: [Room(id: "hall", name: LocalizedText(en: "Hall"), capacity: 100),
                    Room(id: "small", name: LocalizedText(en: "Small"), capacity: 10)],
            stakeholders: [],
            sessions: sessions.map { Session(id: $0, title: LocalizedText(en: "Session \($0)"), kind: .meeting, duration: 60) })
    }

    static func version(_ n: Int, _ at: String, _ assignments: [(String, String, String)]) -> ScheduleVersion {
        ScheduleVersion(
            number: n, createdAt: Self.at(at), command: "schedule",
            assignments: assignments.map { Assignment(session: $0.0, room: $0.1, start: Self.at($0.2)) })
    }

    @Test func firstPublicationHasSequenceZeroAndItsOwnTime() {
        let p = Publication(event: Self.event(sessions: ["a"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T10:00:00+09:00")]),
        ])
        let a = p.entry(for: "a")
        #expect(a?.sequence == 0)
        #expect(a?.lastModified == Self.at("2027-01-10T09:00:00Z"))
        #expect(a?.state == .scheduled(room: "hall", start: Self.at("2027-03-01T01:00:00Z")))
    }

    /// People picked for a session take part in it as published: its entry and the publication's
    /// plan list them among the required, and a cancelled session keeps the people last picked, so
    /// they hear it is off.
    @Test func pickedPeopleTakePartAsPublished() {
        var event = Self.event(sessions: ["a"])
        event.sessions[0].required = ["p-lead"]
        func version(_ n: Int, _ picked: [String]?) -> ScheduleVersion {
            ScheduleVersion(number: n, createdAt: Self.at("2027-01-1\(n)T09:00:00Z"), command: "schedule",
                            assignments: picked.map { [Assignment(session: "a", room: "hall", start: Self.at("2027-03-01T01:00:00Z"),
                                                                  picked: $0)] } ?? [])
        }
        let first = Publication(event: event, removed: [], history: [version(1, ["p-gov", "p-lead"])])
        #expect(first.entry(for: "a")?.session.required == ["p-lead", "p-gov"])
        #expect(first.event.session("a")?.required == ["p-lead", "p-gov"])
        let repicked = Publication(event: event, removed: [], history: [version(1, ["p-gov"]), version(2, ["p-ind"])])
        #expect(repicked.entry(for: "a")?.session.required == ["p-lead", "p-ind"])
        #expect(repicked.entry(for: "a")?.sequence == 0)
        let off = Publication(event: event, removed: [], history: [version(1, ["p-gov"]), version(2, nil)])
        #expect(off.entry(for: "a")?.isCancelled == true)
        #expect(off.entry(for: "a")?.session.required == ["p-lead", "p-gov"])
        #expect(off.event.session("a")?.required == ["p-lead"])
    }

    @Test func unchangedVersionsKeepSequenceAndLastModified() {
        let p = Publication(event: Self.event(sessions: ["a"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T10:00:00+09:00")]),
            Self.version(2, "2027-01-11T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z")]),
        ])
        #expect(p.entry(for: "a")?.sequence == 0)
        #expect(p.entry(for: "a")?.lastModified == Self.at("2027-01-10T09:00:00Z"))
    }

    @Test func eachChangeOfTimeRoomOrStatusAddsOne() {
        let p = Publication(event: Self.event(sessions: ["a", "b"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z"), ("b", "hall", "2027-03-01T03:00:00Z")]),
            Self.version(2, "2027-01-11T09:00:00Z", [("a", "small", "2027-03-01T01:00:00Z"), ("b", "hall", "2027-03-01T03:00:00Z")]),
            Self.version(3, "2027-01-12T09:00:00Z", [("a", "small", "2027-03-01T02:00:00Z")]),
            Self.version(4, "2027-01-13T09:00:00Z", [("a", "small", "2027-03-01T02:00:00Z"), ("b", "hall", "2027-03-01T03:00:00Z")]),
        ])
        #expect(p.entry(for: "a")?.sequence == 2)
        #expect(p.entry(for: "a")?.lastModified == Self.at("2027-01-12T09:00:00Z"))
        // b: unscheduled in version 3 (cancelled), back in version 4.
        #expect(p.entry(for: "b")?.sequence == 2)
        #expect(p.entry(for: "b")?.isCancelled == false)
        #expect(p.entry(for: "b")?.lastModified == Self.at("2027-01-13T09:00:00Z"))
    }

    @Test func aSessionRemovedFromThePlanIsCancelledWithAHigherSequence() {
        let removed = RemovedSession(
            session: Session(id: "b", title: LocalizedText(en: "Gone"), kind: .panel, duration: 30),
            removedAt: Self.at("2027-01-12T08:00:00Z"))
        let p = Publication(event: Self.event(sessions: ["a"]), removed: [removed], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z"), ("b", "small", "2027-03-01T01:00:00Z")]),
        ])
        let b = p.entry(for: "b")
        #expect(b?.isCancelled == true)
        #expect(b?.sequence == 1)
        #expect(b?.lastModified == Self.at("2027-01-12T08:00:00Z"))
        #expect(b?.interval.minutes == 30)
        #expect(b?.room == "small")
    }

    @Test func onlyReleasesCountEachDatedWhenPublished() {
        // Version 2 moved a and version 3 moved it back; only versions 1 and 3 were published.
        let v1 = Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z")])
        let v3 = Self.version(3, "2027-01-12T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z"), ("b", "small", "2027-03-01T01:00:00Z")])
        let p = Publication(event: Self.event(sessions: ["a", "b"]), removed: [], releases: [
            Release(number: 1, schedule: v1, publishedAt: Self.at("2027-01-10T12:00:00Z")),
            Release(number: 2, schedule: v3, publishedAt: Self.at("2027-01-13T12:00:00Z")),
        ])
        #expect(p.entry(for: "a")?.sequence == 0)
        #expect(p.entry(for: "a")?.lastModified == Self.at("2027-01-10T12:00:00Z"))
        #expect(p.entry(for: "b")?.lastModified == Self.at("2027-01-13T12:00:00Z"))
        #expect(p.lastModified == Self.at("2027-01-13T12:00:00Z"))
    }

    @Test func anAnswerHoldsForTheRoomAndTimeItAnswered() {
        let start = Self.at("2027-03-01T01:00:00Z")
        let answer = RSVPAnswer(person: "p", session: "a", sequence: 3, answer: .declined, repliedAt: nil, source: "r.ics",
                                room: "hall", start: start)
        #expect(answer.holds(for: Assignment(session: "a", room: "hall", start: start)))
        #expect(!answer.holds(for: Assignment(session: "a", room: "small", start: start)))
        #expect(!answer.holds(for: Assignment(session: "a", room: "hall", start: start.adding(minutes: 15))))
        #expect(!answer.holds(for: nil))
        var unknown = answer
        unknown.room = nil
        #expect(unknown.holds(for: Assignment(session: "a", room: "small", start: start)))
    }

    @Test func uidComesFromIdsOnly() {
        let one = Publication(event: Self.event(sessions: ["a", "b"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T01:00:00Z"), ("b", "hall", "2027-03-01T03:00:00Z")]),
        ])
        let other = Publication(event: Self.event(sessions: ["b", "a"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("b", "hall", "2027-03-01T01:00:00Z"), ("a", "small", "2027-03-01T05:00:00Z")]),
        ])
        #expect(one.entry(for: "a")?.uid == other.entry(for: "a")?.uid)
        #expect(one.entry(for: "a")?.uid == "a.forum-2027@convene")
        #expect(Publication.uid(event: "e 1", session: "s/2") == "s%2F2.e%201@convene")
    }

    @Test func entriesAreOrderedByStartThenId() {
        let p = Publication(event: Self.event(sessions: ["a", "b", "c"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [
                ("c", "hall", "2027-03-01T01:00:00Z"), ("b", "small", "2027-03-01T01:00:00Z"), ("a", "hall", "2027-03-01T05:00:00Z"),
            ]),
        ])
        #expect(p.entries.map(\.session.id) == ["b", "c", "a"])
        #expect(p.lastModified == Self.at("2027-01-10T09:00:00Z"))
    }
}

extension PublicationTests {
    @Test func snapshotRoundTripsThroughJSON() throws {
        let snapshot = Publication.Snapshot(event: Self.event(sessions: ["a"]), removed: [], history: [
            Self.version(1, "2027-01-10T09:00:00Z", [("a", "hall", "2027-03-01T10:00:00+09:00")]),
        ])
        let back = try JSONFormat.decode(Publication.Snapshot.self, from: try JSONFormat.encode(snapshot), file: "s.json")
        #expect(back == snapshot)
        #expect(Publication(back) == Publication(snapshot))
    }
}
