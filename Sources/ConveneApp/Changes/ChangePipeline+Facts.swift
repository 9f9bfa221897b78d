public import ConveneCore
import ConveneStore

extension ChangePipeline {
    /// Records a fact (an answer, an availability grid) that must not be lost to a race: when another process saves a
    /// schedule version while it is worked out, it is worked out again on the new draft (a few times).
    @discardableResult
    public func record(_ change: some Change, at now: Instant) throws -> ChangeOutcome {
        var attempt = 0
        while true {
            do {
                return try apply(change, force: false, reason: nil, at: now)
            } catch let e as StoreError where e.isStale && attempt < 5 {
                attempt += 1
            }
        }
    }
}
