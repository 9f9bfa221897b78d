import ConveneCore
import ConveneMail
import ConveneStore
import Testing

@Suite struct NoticePlannerTests {
    let now = Forum.stamp

    func version(_ n: Int, _ assignments: [Assignment]) -> ScheduleVersion {
        ScheduleVersion(number: n, createdAt: Forum.stamp.adding(minutes: n), command: "test", assignments: assignments)
    }

    /// What the outbox would hold after the notices were queued.
    func sent(_ notices: [Notice], after earlier: [OutboxMessage] = []) -> [OutboxMessage] {
        var latest = Dictionary(uniqueKeysWithValues: earlier.map { ($0.person + "/" + $0.session, $0) })
        for n in notices {
            latest[n.person + "/" + n.session] = OutboxMessage(
                messageID: n.messageID(domain: "example.org"), person: n.person, session: n.session, uid: n.uid,
                sequence: n.sequence, method: n.method.rawValue, kind: n.kind.rawValue, room: n.room, start: n.start,
                recipient: "", subject: "", bytes: [], queuedAt: now, version: nil)
        }
        return Array(latest.values)
    }

    @Test func everyParticipantIsInvitedOnceAtSequenceZero() {
        let history = [version(1, Forum.schedule)]
        let first = NoticePlanner.notices(event: Forum.event, history: history, latest: [], at: now)
        #expect(first.count == 6)
        #expect(first.allSatisfy { $0.kind == .invitation && $0.sequence == 0 })
        #expect(first.first { $0.person == "i-kim" && $0.session == "s-open" }?.required == false)
        #expect(NoticePlanner.notices(event: Forum.event, history: history, latest: sent(first), at: now).isEmpty)
    }

    @Test func aMoveUpdatesOnlyThatSessionsPeopleWithAHigherSequence() {
        let v1 = [version(1, Forum.schedule)]
        let outbox = sent(NoticePlanner.notices(event: Forum.event, history: v1, latest: [], at: now))
        var moved = Forum.schedule
        moved[1].start = Forum.at("2027-02-22 15:00")
        let updates = NoticePlanner.notices(event: Forum.event, history: v1 + [version(2, moved)], latest: outbox, at: now)
        #expect(updates.count == 3)
        #expect(updates.allSatisfy { $0.session == "s-panel" && $0.kind == .update && $0.sequence == 1 })
        #expect(updates.first?.previousStart == Forum.at("2027-02-22 13:00"))
    }

    @Test func aSessionDroppedFromTheScheduleIsCancelledForItsPeople() {
        let v1 = [version(1, Forum.schedule)]
        let outbox = sent(NoticePlanner.notices(event: Forum.event, history: v1, latest: [], at: now))
        let cancels = NoticePlanner.notices(event: Forum.event, history: v1 + [version(2, [Forum.schedule[0]])], latest: outbox, at: now)
        #expect(cancels.count == 3)
        #expect(cancels.allSatisfy { $0.kind == .cancel && $0.sessionCancelled && $0.sequence == 1 && $0.method == .cancel })
    }

    @Test func aPersonTakenOffASessionGetsACancelAndOthersNothing() {
        let v1 = [version(1, Forum.schedule)]
        let outbox = sent(NoticePlanner.notices(event: Forum.event, history: v1, latest: [], at: now))
        var event = Forum.event
        event.sessions[1].required.removeAll { $0 == "i-kim" }
        let notices = NoticePlanner.notices(event: event, history: v1, latest: outbox, at: now)
        #expect(notices.count == 1)
        #expect(notices.first?.person == "i-kim" && notices.first?.kind == .cancel)
        #expect(notices.first?.sessionCancelled == false && notices.first?.sequence == 1)
    }
}
