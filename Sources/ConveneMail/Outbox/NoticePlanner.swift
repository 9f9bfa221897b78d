public import ConveneCore
public import ConveneStore

/// Decides, from the schedule history and what each person was last sent, who must be told what.
///
/// Pure and deterministic: the same plan, history and outbox always give the same notices, so
/// running it again after everything was queued gives none.
public enum NoticePlanner {
    /// The notices the current schedule requires, in schedule order then person order.
    public static func notices(
        event: Event, removed: [RemovedSession] = [], history: [ScheduleVersion], latest: [OutboxMessage], at now: Instant
    ) -> [Notice] {
        var last: [String: OutboxMessage] = [:]
        for m in latest { last[m.person + "\u{1}" + m.session] = m }
        var out: [Notice] = []
        // The same entries, UIDs and SEQUENCEs as the feeds.
        for e in Publication(event: event, removed: removed, history: history).entries {
            let id = e.session.id
            let scheduled = !e.isCancelled
            let start = e.interval.start
            let session = event.session(id)
            let current = session.map { s in s.required + s.optional.filter { !s.required.contains($0) } } ?? []
            let known = Set(current)
            let earlier = latest.filter { $0.session == id && !known.contains($0.person) }.map(\.person)
            // People the plan gives no address (e.g. speakers of an imported schedule) get no mail.
            for person in current + earlier where !(event.stakeholder(person)?.email.isEmpty ?? true) {
                let previous = last[person + "\u{1}" + id]
                let required = session?.required.contains(person) ?? false
                let nextSequence = max(e.sequence, (previous?.sequence ?? -1) + 1)
                if scheduled && known.contains(person) {
                    if let p = previous, p.method == "REQUEST", p.room == e.room, p.start == start { continue }
                    let isUpdate = previous?.method == "REQUEST"
                    out.append(Notice(
                        kind: isUpdate ? .update : .invitation, person: person, session: id, uid: e.uid,
                        sequence: previous == nil ? e.sequence : nextSequence, room: e.room, start: start, stamp: now,
                        required: required, previousRoom: isUpdate ? previous?.room : nil,
                        previousStart: isUpdate ? previous?.start : nil))
                } else if let p = previous, p.method == "REQUEST" {
                    out.append(Notice(
                        kind: .cancel, person: person, session: id, uid: e.uid, sequence: nextSequence,
                        room: p.room, start: p.start, stamp: now, required: required, sessionCancelled: !scheduled))
                }
            }
        }
        return out
    }
}
