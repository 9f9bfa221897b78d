public import ConvenePlan

/// What `check` finds in a plan and its calendars, before anything is stored.
public struct PlanCheck: Sendable {
    /// The plan, proven against its calendars' busy times as well as its own `unavailable:`.
    public var plan: Plan
    /// The calendars as `import` reads them, with what they hold that cannot be used.
    public var availability: Availability

    /// Reads a plan and the calendars it names; throws `PlanErrors` for every problem found.
    ///
    /// A person busy for the whole event is the same problem whether a calendar or `unavailable:`
    /// says so: the proofs run again with the calendars' firm busy times once they are read.
    public static func run(path: String) throws -> PlanCheck {
        let plan = try Plan.load(path: path)
        let availability = try Availability.read(for: plan)
        let busy = availability.hardIntervals.filter { !$0.value.isEmpty }
        return PlanCheck(plan: busy.isEmpty ? plan : try Plan.load(path: path, busy: busy), availability: availability)
    }
}
