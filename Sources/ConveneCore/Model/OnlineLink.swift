/// Where people join a session remotely (a video call or a stream).
public struct OnlineLink: Sendable, Hashable, Codable {
    /// An http or https URL.
    public var url: String
    /// True when only the session's participants may see it: it then appears in their own feeds
    /// and invitations, never in public feeds, the public programme or schedule exports.
    public var isPrivate: Bool

    public init(url: String, isPrivate: Bool = false) {
        self.url = url
        self.isPrivate = isPrivate
    }
}
