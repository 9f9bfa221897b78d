public import ConveneCore
public import ConveneMail
public import ConveneStore

/// What publishing the draft would do, worked out and shown before anything is saved or sent:
/// which sessions change for subscribers, which hard rules the draft breaks, and who gets what.
public struct PublishPlan: Sendable {
    /// The moment the release would be dated.
    public var at: Instant
    /// The current plan, with admin pins.
    public var event: Event
    /// The draft that would be made official.
    public var draft: ScheduleVersion
    /// The release in force; nil before the first publish.
    public var previous: Release?
    /// The number the release would get (numbers run across the store's events).
    public var release: Int
    /// The facts revision the plan was worked out from: a publish refuses if the plan, calendars,
    /// answers or pins changed since.
    public var facts: Int
    /// Which sessions move between the release in force and the draft.
    public var diff: ScheduleDiff
    /// Sessions whose published entry (room, time, status or SEQUENCE) would change.
    public var changedEntries: [String]
    /// The hard rules the draft breaks; publishing them needs `force`.
    public var conflicts: [Conflict]
    /// The messages to queue, one per person and session at most.
    public var notices: [Notice]
    /// Queued messages that would be dropped unsent.
    public var supersede: [OutboxMessage]

    /// True when publishing would change nothing for anyone: no feed entry, no mail.
    public var isEmpty: Bool { changedEntries.isEmpty && notices.isEmpty && supersede.isEmpty }

    /// How many people would get mail.
    public var recipients: Int { Set(notices.map(\.person)).count }

    /// The plan in words: a summary, each session change, each conflict, then per person what they would get.
    public var lines: [String] {
        let text = ScheduleText(event: event)
        let count = { (n: Int, what: String) in "\(n) \(what)\(n == 1 ? "" : "s")" }
        var out = ["publish schedule version \(draft.number) as release \(release)"
            + (previous.map { " (release \($0.number) holds version \($0.schedule.number))" } ?? " (the first release)")
            + "; times in \(event.timeZone)"]
        out += diff.lines(text).map { "  \($0)" }
        if changedEntries.isEmpty { out.append("  feeds: no session changes") }
        out += conflicts.map { "conflict: \($0)" }
        out.append("mail: \(count(notices.count, "message")) to \(count(recipients, "person").replacingOccurrences(of: "persons", with: "people"))"
            + (supersede.isEmpty ? "" : "; \(count(supersede.count, "queued message")) superseded, never to be sent"))
        var byPerson: [String: [Notice]] = [:]
        var order: [String] = []
        for n in notices {
            if byPerson[n.person] == nil { order.append(n.person) }
            byPerson[n.person, default: []].append(n)
        }
        for person in order {
            let stakeholder = event.stakeholder(person)
            let who = stakeholder.map { "\($0.name) <\($0.email)>" } ?? person
            // Someone whose clock reads otherwise is shown the time as their mail gives it, zone named.
            let home = stakeholder.flatMap { $0.timeZone == event.timeZone ? nil : ZoneRules(identifier: $0.timeZone) }
            out.append("  \(who)" + (home.map { " (in \($0.identifier))" } ?? ""))
            for n in byPerson[person]! {
                let place = text.place(Assignment(session: n.session, room: n.room, start: n.start))
                let was = n.previousRoom.flatMap { r in n.previousStart.map { text.place(Assignment(session: n.session, room: r, start: $0)) } }
                let minutes = event.session(n.session)?.duration ?? 0
                let theirs = home.map { "; for them " + TimeText.span(Interval(start: n.start, end: n.start.adding(minutes: minutes)), zone: $0, language: .en) }
                out.append("    \(n.kind.rawValue) \(text.session(n.session)): \(place) \(event.timeZone)" + (theirs ?? "")
                    + (was.map { " (was \($0))" } ?? "") + ", SEQUENCE \(n.sequence)")
            }
        }
        for m in supersede {
            out.append("  superseded: \(m.kind.rawValue) \(text.session(m.session)) to \(text.person(m.person)), SEQUENCE \(m.sequence)")
        }
        return out
    }
}

/// A publish refused because the draft breaks hard rules; `--force` publishes it anyway.
public struct PublishRefused: Error, CustomStringConvertible, Equatable {
    public var conflicts: [Conflict]

    /// A refusal naming `conflicts`.
    public init(conflicts: [Conflict]) { self.conflicts = conflicts }

    public var description: String {
        (["error: refused: the draft breaks \(conflicts.count) hard rule\(conflicts.count == 1 ? "" : "s"):"]
            + conflicts.map { "  \($0)" }
            + ["nothing was published or queued; fix the draft, or use --force to publish it and record the conflicts"])
            .joined(separator: "\n")
    }
}
