import ConveneCore
import ConveneICal
public import ConvenePlan
import ConveneStore

/// Stores a plan and its people's busy times from their calendars: rooms, people and sessions
/// are added, updated by id or marked removed; schedule history is kept.
///
/// A plan and calendars are facts: the import is never refused for the conflicts it brings to
/// the draft. It lists them, the audit log keeps them, and `convene publish` refuses a draft
/// that has them until they are fixed or accepted.
public struct ImportPlan: Change {
    /// The plan as read and checked.
    public var plan: Plan
    /// Busy times read from the calendars the plan names, and what could not be read.
    public var availability: Availability

    /// Reads and checks the plan file and every calendar it names; throws `PlanErrors` with every problem.
    public init(path: String) throws {
        plan = try Plan.load(path: path)
        availability = try Availability.read(for: plan)
    }

    public var command: String { "import" }

    public func propose(_ context: ChangeContext) throws -> ProposedChange {
        let busy = availability.periods.filter { !$0.value.isEmpty }
        var change = ProposedChange(command: command, basedOn: context.current?.draft?.number)
        change.recordsFacts = true
        change.unchanged = "no change: \(plan.summary) and its calendars are as stored"
        guard let current = context.current else {
            change.plan = ChangeRecord.Plan(event: plan.event, file: plan.file, busy: busy)
            return change
        }
        guard current.plan != plan.event || current.busy != busy || current.planFile != plan.file else { return change }
        change.plan = ChangeRecord.Plan(event: plan.event, file: plan.file, busy: busy)
        var after = current
        after.plan = plan.event
        after.event = plan.event.applying(pins: current.pins)
        after.busy = busy
        change.judge(before: current.conflicts, after: after.conflicts)
        return change
    }
}
