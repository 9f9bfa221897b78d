public import ConveneCore

extension ChangePipeline {
    /// What a person's page needs to draw their availability grid; throws when the person is not in the plan.
    public func availabilityGrid(for person: String) throws -> AvailabilityGrid {
        let current = try current()
        guard let stakeholder = current.plan.stakeholder(person) else {
            throw AppError("no person '\(person)' in \(current.plan.id)")
        }
        return AvailabilityGrid(event: current.plan, person: stakeholder, answer: current.availability[person])
    }

    /// Records a grid a person submitted on their page, as one change through the pipeline.
    ///
    /// A schedule saved by another process while it was worked out does not lose the answer: it is
    /// worked out again (a few times) on the new draft. Throws `AppError` for a person or cell the
    /// plan does not have.
    @discardableResult
    public func recordAvailability(_ change: RecordAvailability, at now: Instant) throws -> ChangeOutcome {
        try record(change, at: now)
    }
}
