public import ConveneCore
import ConveneSolver
public import ConveneStore

/// What an admin works on: the plan as it stands (admin pins applied), people's busy times and
/// answers, and the draft (the latest schedule version).
public struct CurrentSchedule: Sendable {
    /// The plan with admin pins laid over it: what scheduling and conflicts work on.
    public var event: Event
    /// The plan as imported, without admin pins.
    public var plan: Event
    /// The plan file it was imported from.
    public var planFile: String?
    /// The admin pins, by session id.
    public var pins: [String: Session.Pin]
    /// Busy times from people's calendars, by person id.
    public var busy: [String: [BusyPeriod]]
    /// Every answer received, oldest first.
    public var answers: [RSVPAnswer]
    /// Each person's availability answer in force, from their page, by person id.
    public var availability: [String: AvailabilityAnswer]
    /// Each person's live calendar (the address they gave on their page and its last good busy times), by person id.
    public var live: [String: LiveCalendar]
    /// The latest schedule version; nil before the first `convene schedule`.
    public var draft: ScheduleVersion?

    /// Gathers the parts; the Store reads them, this type only reasons about them.
    public init(plan: Event, planFile: String? = nil, pins: [String: Session.Pin] = [:], busy: [String: [BusyPeriod]],
                answers: [RSVPAnswer] = [], availability: [String: AvailabilityAnswer] = [:], live: [String: LiveCalendar] = [:],
                draft: ScheduleVersion?) {
        self.plan = plan
        self.event = plan.applying(pins: pins)
        self.planFile = planFile
        self.pins = pins
        self.busy = busy
        self.answers = answers
        self.availability = availability
        self.live = live
        self.draft = draft
    }

    /// Reads the current state; nil before the first import.
    public static func load(from store: Store) throws -> CurrentSchedule? {
        guard let plan = try store.event() else { return nil }
        return CurrentSchedule(plan: plan, planFile: try store.planFile(), pins: try store.pins(), busy: try store.busy(),
                               answers: try store.answers(), availability: try store.availabilityAnswers(),
                               live: try store.liveCalendars(), draft: try store.currentSchedule())
    }

    /// The draft; throws when nothing has been scheduled yet.
    public func requireDraft() throws -> ScheduleVersion {
        guard let draft else { throw AppError.noSchedule }
        return draft
    }

    /// Everything that says when people cannot or would rather not come, by person id: their
    /// calendars' busy times (files and live calendars alike) and the unavailable and "if need be"
    /// cells of their own answers.
    public var periods: [String: [BusyPeriod]] {
        var out = busy
        for (person, calendar) in live where !calendar.busy.isEmpty { out[person, default: []] += calendar.busy }
        for (person, answer) in availability where !answer.periods.isEmpty { out[person, default: []] += answer.periods }
        return out
    }

    /// The scheduling problem the plan poses now, with everyone's busy and "if need be" times.
    public func instance(previous: [Assignment] = []) -> Instance { event.instance(periods: periods, previous: previous) }

    /// The people of a placed session (required, picked and optional) who marked some moment of it
    /// "if need be", in the session's order: what the soft term `ifNeedBe` counts there.
    public func ifNeedBe(at placed: Assignment) -> [String] {
        guard let session = event.session(placed.session) else { return [] }
        let span = Interval(start: placed.start, end: placed.start.adding(minutes: session.duration))
        var seen = Set<String>()
        return (session.required + placed.picked + session.optional).filter { person in
            seen.insert(person).inserted && (periods[person] ?? []).contains { $0.strength == .ifNeedBe && $0.interval.overlaps(span) }
        }
    }

    /// Names and times in the admin's words.
    public var text: ScheduleText { ScheduleText(event: event) }

    /// An edit that starts from the draft's assignments.
    public var edit: ScheduleEdit { ScheduleEdit(event: event, assignments: draft?.assignments ?? []) }

    /// Every decline with the room and time it holds for: an answer holds for the room and time it
    /// answered, so a decline is back when the session is. Conflicts and the solver judge by the same list,
    /// and the rule book counts those of required (and picked) participants where a schedule places them.
    public var declines: [Decline] { AnswerBook(answers).declines }

    /// The rule book over this plan, these calendars and these answers, built once for every schedule it judges.
    public var finder: ConflictFinder { ConflictFinder(event: event, busy: periods, declines: declines) }

    /// Why a session is left out of `version`, judged now: by the rule book over this plan, these calendars
    /// and these answers, naming people by name and what keeps them away.
    public func reason(unscheduled session: String, in version: ScheduleVersion) -> String {
        let finder = self.finder
        let solution = Solution(instance: finder.instance.name, assignments: version.assignments, unscheduled: version.unscheduled)
        return Explainer.explain(session, in: finder.instance, plan: finder.planFacts, solution: solution,
                                 words: Wording(event: event, busy: periods)).reason
    }

    /// Every conflict in a schedule, judged with this plan, these calendars and the answers in force there.
    public func conflicts(in assignments: [Assignment]) -> [Conflict] { finder.conflicts(in: assignments) }

    /// Every conflict in the draft.
    public var conflicts: [Conflict] { conflicts(in: draft?.assignments ?? []) }

    /// The draft changed to `assignments`, checked: what moves and which conflicts it adds.
    ///
    /// Sessions left out keep the reason `unscheduled` gives, else the one they had, else
    /// `unscheduledReason`. When the assignments are the draft's own, the change makes no version.
    /// `finder` is this schedule's own, when the caller has built it already. `lowerBound` is the plan's, from a solve; other changes keep the draft's (a bound of the plan
    /// stays one whatever the schedule, and a pin only narrows the plan), so only solving works one out.
    public func propose(
        _ assignments: [Assignment], unscheduled given: [Solution.Unscheduled] = [], command: String,
        unscheduledReason: String = "taken off the schedule by hand", restores: Int? = nil, finder: ConflictFinder? = nil,
        lowerBound: Score? = nil
    ) -> ProposedChange {
        let current = draft?.assignments ?? []
        let placed = Set(assignments.map(\.session))
        let earlier = Dictionary((given + (draft?.unscheduled ?? [])).map { ($0.session, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let unscheduled = event.sessions.filter { !placed.contains($0.id) }.map {
            Solution.Unscheduled(session: $0.id, reason: earlier[$0.id] ?? unscheduledReason)
        }
        var change = ProposedChange(command: command, basedOn: draft?.number)
        change.diff = ScheduleDiff(from: current, to: assignments, event: event)
        // One finder judges both schedules; the new one's conflicts and score come from one pass.
        let finder = finder ?? self.finder
        let after = finder.judge(assignments)
        if draft == nil || Set(assignments) != Set(current) {
            change.schedule = ChangeRecord.Version(assignments: assignments, unscheduled: unscheduled, score: after.score,
                                                   lowerBound: lowerBound ?? draft?.lowerBound, restores: restores)
        }
        change.judge(before: draft == nil ? [] : finder.conflicts(in: current), after: after.conflicts)
        return change
    }
}
