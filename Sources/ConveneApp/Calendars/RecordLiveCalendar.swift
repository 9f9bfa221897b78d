public import ConveneCore
import ConveneStore

/// Records a person's live calendar: an address saved or removed on their page, or busy times that
/// changed on a refresh.
///
/// Like an import, it is a fact: recorded whatever conflicts it brings, which are listed and kept in
/// the audit log. The address never reaches the audit log; only how many busy times were read.
public struct RecordLiveCalendar: Change {
    /// Who asked for it, in the audit log's words.
    public enum Origin: Sendable {
        /// The person, on their own page.
        case page
        /// A refresh (`convene calendars refresh` or the service).
        case refresh
    }

    public var person: String
    /// The calendar to store; nil removes the person's calendar.
    public var calendar: LiveCalendar?
    public var origin: Origin

    /// A calendar to store for `person`, or nil to remove theirs.
    public init(person: String, calendar: LiveCalendar?, origin: Origin) {
        self.person = person
        self.calendar = calendar
        self.origin = origin
    }

    public var command: String { origin == .page ? "calendar" : "calendars refresh" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let current = try context.requireCurrent()
        guard let stakeholder = current.plan.stakeholder(person) else {
            throw AppError("no person '\(person)' in \(current.plan.id)")
        }
        var change = ProposedChange(command: command, basedOn: current.draft?.number)
        change.recordsFacts = true
        change.unchanged = "no change: \(person)'s calendar is as stored"
        let before = current.live[person]
        let who = "\(stakeholder.name) (\(person))", by = origin == .page ? "by the person, on their page" : "by a refresh"
        if let calendar {
            // A refresh of an address the person replaced meanwhile stores nothing: the new address is theirs now.
            if origin == .refresh && before?.address != calendar.address { return change }
            if before?.address == calendar.address && before?.busy == calendar.busy { return change }
            let n = calendar.busy.count
            change.notes = ["calendar of \(who), \(by): "
                + (calendar.state.error == nil ? "\(n) busy time\(n == 1 ? "" : "s") read" : "address saved, not read")]
        } else {
            guard before != nil else { return change }
            change.notes = ["calendar of \(who) removed, \(by)"]
        }
        change.liveCalendars = [LiveCalendarWrite(person: person, calendar: calendar)]
        var after = current
        after.live[person] = calendar
        change.judge(before: current.conflicts, after: after.conflicts)
        return change
    }
}
