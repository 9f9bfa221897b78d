/// What a message tells a person about a session.
public enum NoticeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// They are in a session they had not been told of (or had been told they were out of).
    case invitation
    /// The time, room or their role changed since the message they last got.
    case update
    /// They are no longer in it, or it no longer takes place.
    case cancel
    /// A request for their availability, with their page link (`convene ask`): no session, no iTIP part.
    case ask
    /// The organizer's digest of what changed (`convene digest`): to an address, about no session; never superseded.
    case digest
}

extension NoticeKind {
    /// The iTIP method (RFC 5546) a message of this kind carries: invitations and updates are
    /// requests, a cancellation cancels; a request for availability carries none.
    public var itipMethod: String? {
        switch self {
        case .invitation, .update: return "REQUEST"
        case .cancel: return "CANCEL"
        case .ask, .digest: return nil
        }
    }
}
