public import ConveneCore

/// One session as an iTIP message (RFC 5546) carries it to one attendee.
public struct ITIPEvent: Sendable, Hashable {
    /// The iTIP methods Convene sends.
    public enum Method: String, Sendable, Hashable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    /// A person in the message: `mailto:` address and display name.
    public struct Person: Sendable, Hashable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public var method: Method
    /// The same UID as the feeds.
    public var uid: String
    public var sequence: Int
    /// When the entry last changed: keeps the bytes stable for the same SEQUENCE.
    public var stamp: Instant
    public var start: Instant
    public var end: Instant
    public var summary: String
    public var location: String
    public var description: String?
    public var organizer: Person
    public var attendee: Person
    /// REQ-PARTICIPANT when true, OPT-PARTICIPANT otherwise.
    public var required: Bool
    /// Where to join remotely (CONFERENCE and URL); private links too, since it goes to a participant.
    public var online: String?
    /// The CONFERENCE label, in the attendee's language.
    public var onlineLabel: String

    /// Creates the message content.
    public init(method: Method, uid: String, sequence: Int, stamp: Instant, start: Instant, end: Instant, summary: String,
                location: String, description: String? = nil, organizer: Person, attendee: Person, required: Bool,
                online: String? = nil, onlineLabel: String = "Join online") {
        self.method = method
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.organizer = organizer
        self.attendee = attendee
        self.required = required
        self.online = online
        self.onlineLabel = onlineLabel
    }
}
