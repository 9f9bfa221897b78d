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
    /// The latest schedule version; nil before the first `convene schedule`.
    public var draft: ScheduleVersion?

    /// Gathers the parts; the Store reads them, this type only reasons about them.
    public init(plan: Event, planFile: String? = nil, pins: [String: Session.Pin] = [:], busy: [String: [BusyPeriod]],
                answers: [RSVPAnswer] = [], availability: [String: AvailabilityAnswer] = [:], draft: ScheduleVersion?) {
        self.plan = plan
        self.event = plan.applying(pins: pins)
        self.planFile = planFile
        self.pins = pins
        self.busy = busy
        self.answers = answers
        self.availability = availability
        self.draft = draft
    }

    /// Reads the current state; nil before the first import.
    public static func load(from store: Store) throws -> CurrentSchedule? {
        guard let plan = try store.event() else { return nil }
        return CurrentSchedule(plan: plan, planFile: try store.planFile(), pins: try store.pins(), busy: try store.busy(),
                               answers: try store.answers(), availability: try store.availabilityAnswers(),
                               draft: try store.currentSchedule())
    }

    /// The draft; throws when nothing has been scheduled yet.
    public func requireDraft() throws -> ScheduleVersion {
        guard let draft else { throw AppError.noSchedule }
        return draft
    }

    /// Everything that says when people cannot or would rather not come, by person id: their
    /// calendars' busy times and the unavailable and "if need be" cells of their own answers.
    public var periods: [String: [BusyPeriod]] {
        var out = busy
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

    /// Required (and picked) participants' declines in force where `assignments` place their sessions: an
    /// answer holds for the room and time it answered, so a decline is back when the session is.
    public func declines(for assignments: [Assignment]) -> [Decline] {
        let book = AnswerBook(answers)
        let placed = Dictionary(assignments.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        return event.seated(assignments).sessions.flatMap { s in
            s.required.compactMap { person in
                book.inForce(person: person, session: s.id, at: placed[s.id])?.answer == .declined
                    ? Decline(session: s.id, person: person) : nil
            }
        }
    }

    /// Every conflict in a schedule, judged with this plan, these calendars and the answers in force there.
    public func conflicts(in assignments: [Assignment]) -> [Conflict] {
        ConflictFinder(event: event, busy: periods, declines: declines(for: assignments)).conflicts(in: assignments)
    }

    /// Every conflict in the draft.
    public var conflicts: [Conflict] { conflicts(in: draft?.assignments ?? []) }

    /// The draft changed to `assignments`, checked: what moves and which conflicts it adds.
    ///
    /// Sessions left out keep the reason `unscheduled` gives, else the one they had, else
    /// `unscheduledReason`. When the assignments are the draft's own, the change makes no version.
    /// `lowerBound` is the plan's, when the caller has already worked it out.
    public func propose(
        _ assignments: [Assignment], unscheduled given: [Solution.Unscheduled] = [], command: String,
        unscheduledReason: String = "taken off the schedule by hand", restores: Int? = nil, lowerBound: Score? = nil
    ) -> ProposedChange {
        let current = draft?.assignments ?? []
        let placed = Set(assignments.map(\.session))
        let earlier = Dictionary((given + (draft?.unscheduled ?? [])).map { ($0.session, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let unscheduled = event.sessions.filter { !placed.contains($0.id) }.map {
            Solution.Unscheduled(session: $0.id, reason: earlier[$0.id] ?? unscheduledReason)
        }
        var change = ProposedChange(command: command, basedOn: draft?.number)
        change.diff = ScheduleDiff(from: current, to: assignments, event: event)
        if draft == nil || Set(assignments) != Set(current) {
            let instance = self.instance()
            let score = RuleBook.validate(instance, Solution(instance: instance.name, assignments: assignments,
                                                             unscheduled: unscheduled)).score
            change.schedule = ChangeRecord.Version(assignments: assignments, unscheduled: unscheduled, score: score,
                                                   lowerBound: lowerBound ?? Solver.lowerBound(instance), restores: restores)
        }
        change.judge(before: conflicts, after: conflicts(in: assignments))
        return change
    }
}
