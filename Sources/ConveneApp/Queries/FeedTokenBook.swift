public import ConveneCore
public import ConveneStore

/// Stakeholders' private feed tokens as the database keeps them (by hash only), and the stamp that
/// tells a server what it serves may have changed: what the server and `convene feeds` ask of the store.
public struct FeedTokenBook: Sendable {
    let store: Store

    /// The tokens in `store`.
    public init(store: Store) { self.store = store }

    /// Records a new token's hash for a person, revoking their live one, in the audit log as `command`.
    public func add(hash: String, for person: String, at now: Instant, command: String) throws {
        try store.addFeedToken(hash: hash, for: person, at: now, command: command)
    }

    /// Revokes a person's live token.
    public func revoke(_ person: String, at now: Instant) throws {
        try store.revokeFeedToken(for: person, at: now)
    }

    /// When each person's live token was issued, by person id.
    public func liveSince() throws -> [String: Instant] {
        Dictionary(try store.feedTokens().filter(\.isLive).map { ($0.person, $0.createdAt) }, uniquingKeysWith: max)
    }

    /// Live tokens: hex SHA-256 of the token → person id.
    public func liveHashes() throws -> [String: String] { try store.liveFeedTokenHashes() }

    /// Changes whenever anything served may have changed; cheap enough to ask often.
    public func changeStamp() throws -> ChangeStamp { try store.changeStamp() }
}
