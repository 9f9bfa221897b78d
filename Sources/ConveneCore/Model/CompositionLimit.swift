/// "At most `atMost` participants from this group": required and picked people together.
///
/// A plan rule that `check` proves for every choice of picks, so no schedule can break it.
public struct CompositionLimit: Sendable, Hashable, Codable {
    public var group: StakeholderGroup
    public var atMost: Int

    public init(group: StakeholderGroup, atMost: Int) {
        self.group = group
        self.atMost = atMost
    }
}
