@testable import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import ConveneTestFixtures
import Testing

@Suite struct NetChangeTests {
    let now = Forum.stamp

    func release(_ n: Int, _ assignments: [Assignment]) -> Release {
        Release(number: n, schedule: ScheduleVersion(number: n, createdAt: now, command: "test", assignments: assignments),
                publishedAt: now.adding(minutes: n))
    }

    func publication(_ versions: [[Assignment]], event: Event = Forum.event) -> Publication {
        Publication(event: event, removed: [], releases: versions.enumerated().map { release($0.offset + 1, $0.element) })
    }

    /// The outbox after the notices were queued, each in `state`.
    func outbox(_ notices: [Notice], after earlier: [OutboxMessage] = [], state: OutboxMessage.State = .sent) -> [OutboxMessage] {
        earlier + notices.map { n in
            var m = OutboxMessage(
                messageID: n.messageID(domain: "example.org"), person: n.person, session: n.session, uid: n.uid,
                sequence: n.sequence, kind: n.kind, room: n.room, start: n.start, required: n.required, recipient: "",
                subject: "", bytes: [], queuedAt: now, version: nil)
            m.state = state
            return m
        }
    }

    @Test func everyParticipantIsInvitedOnceAtSequenceZero() {
        let p = publication([Forum.schedule])
        let first = NetChange(publication: p, outbox: [], at: now).notices
        #expect(first.count == 6)
        #expect(first.allSatisfy { $0.kind == .invitation && $0.sequence == 0 })
        #expect(first.first { $0.person == "i-kim" && $0.session == "s-open" }?.required == false)
        #expect(NetChange(publication: p, outbox: outbox(first), at: now).notices.isEmpty)
    }

    /// Someone picked for a session is invited as a required participant; when a later release
    /// picks someone else instead, the first is told it is off for them and the other is invited.
    @Test func pickedPeopleAreInvitedAndARepickCancelsForTheOneDropped() {
        var event = Forum.event
        event.sessions[0].pick = [Instance.Pick(from: ["g-tanaka", "i-kim"], count: 1)]
        event.sessions[0].optional = []
        var picked = Forum.schedule
        picked[0].picked = ["g-tanaka"]
        let first = NetChange(publication: publication([picked], event: event), outbox: [], at: now).notices
        #expect(first.filter { $0.session == "s-open" }.map(\.person).sorted() == ["c-dubois", "g-tanaka", "p-sato"])
        #expect(first.first { $0.person == "g-tanaka" && $0.session == "s-open" }?.required == true)
        var repicked = picked
        repicked[0].picked = ["i-kim"]
        let second = NetChange(publication: publication([picked, repicked], event: event), outbox: outbox(first), at: now).notices
        #expect(second.first { $0.person == "g-tanaka" }?.kind == .cancel)
        #expect(second.first { $0.person == "i-kim" }?.kind == .invitation)
        #expect(second.count == 2)
    }

    @Test func aMoveUpdatesOnlyThatSessionsPeopleWithThePublishedSequence() {
        let sent = outbox(NetChange(publication: publication([Forum.schedule]), outbox: [], at: now).notices)
        var moved = Forum.schedule
        moved[1].start = Forum.at("2027-02-22 15:00")
        let p = publication([Forum.schedule, moved])
        let updates = NetChange(publication: p, outbox: sent, at: now).notices
        #expect(updates.count == 3)
        #expect(updates.allSatisfy { $0.session == "s-panel" && $0.kind == .update && $0.sequence == 1 })
        #expect(updates.allSatisfy { $0.sequence == p.entry(for: "s-panel")?.sequence })
        #expect(updates.first?.previousStart == Forum.at("2027-02-22 13:00"))
    }

    @Test func aSessionDroppedFromTheScheduleIsCancelledForItsPeople() {
        let sent = outbox(NetChange(publication: publication([Forum.schedule]), outbox: [], at: now).notices)
        let cancels = NetChange(publication: publication([Forum.schedule, [Forum.schedule[0]]]), outbox: sent,
                                at: now).notices
        #expect(cancels.count == 3)
        #expect(cancels.allSatisfy { $0.kind == .cancel && $0.sessionCancelled && $0.sequence == 1 && $0.method == .cancel })
        #expect(cancels.allSatisfy { $0.start == Forum.at("2027-02-22 13:00") })
    }

    @Test func aPersonTakenOffASessionGetsACancelAndOthersNothing() {
        let p = publication([Forum.schedule])
        let sent = outbox(NetChange(publication: p, outbox: [], at: now).notices)
        var event = Forum.event
        event.sessions[1].required.removeAll { $0 == "i-kim" }
        let notices = NetChange(publication: publication([Forum.schedule], event: event), outbox: sent, at: now).notices
        #expect(notices.count == 1)
        #expect(notices.first?.person == "i-kim" && notices.first?.kind == .cancel)
        // Above the SEQUENCE the person already has, so their calendar takes it.
        #expect(notices.first?.sessionCancelled == false && notices.first?.sequence == 1)
    }

    @Test func aChangeOfRoleIsAnUpdate() {
        let p = publication([Forum.schedule])
        let sent = outbox(NetChange(publication: p, outbox: [], at: now).notices)
        var event = Forum.event
        event.sessions[0].optional = []
        event.sessions[0].required.append("i-kim")
        let notices = NetChange(publication: publication([Forum.schedule], event: event), outbox: sent, at: now).notices
        #expect(notices.map(\.person) == ["i-kim"])
        #expect(notices.first?.kind == .update && notices.first?.required == true && notices.first?.sequence == 1)
    }

    @Test func queuedNewsThatChangedAgainIsSupersededAndWorkedOutFromWhatWasReceived() {
        let first = outbox(NetChange(publication: publication([Forum.schedule]), outbox: [], at: now).notices)
        var moved = Forum.schedule
        moved[1].start = Forum.at("2027-02-22 15:00")
        let two = publication([Forum.schedule, moved])
        let queued = outbox(NetChange(publication: two, outbox: first, at: now).notices, after: first, state: .queued)
        #expect(queued.filter { $0.state == .queued }.count == 3)
        // Back where it was: the updates are dropped and nobody is told anything.
        let back = NetChange(publication: publication([Forum.schedule, moved, Forum.schedule]), outbox: queued, at: now)
        #expect(back.notices.isEmpty)
        #expect(back.supersede.count == 3 && back.supersede.allSatisfy { $0.kind == .update })
        // Somewhere else again: one update each, from the time they were sent, above every SEQUENCE they have.
        var again = Forum.schedule
        again[1].start = Forum.at("2027-02-22 16:00")
        let other = NetChange(publication: publication([Forum.schedule, moved, again]), outbox: queued, at: now)
        #expect(other.supersede.count == 3)
        #expect(other.notices.count == 3 && other.notices.allSatisfy {
            $0.kind == .update && $0.sequence == 2 && $0.previousStart == Forum.at("2027-02-22 13:00")
        })
    }
}
