public import ConveneCore
public import ConveneICal

/// What one person must be told about one session: the message the outbox holds for them.
public struct Notice: Sendable, Hashable {
    public var kind: NoticeKind
    public var person: String
    public var session: String
    /// The session's UID, the same as in the feeds.
    public var uid: String
    public var sequence: Int
    /// Where and when the session is (for a cancel: where and when it was).
    public var room: String
    public var start: Instant
    /// When the session's time, room or status last changed: the DTSTAMP.
    public var stamp: Instant
    /// REQ-PARTICIPANT (true) or OPT-PARTICIPANT.
    public var required: Bool
    /// For a cancel: true when the whole session is cancelled, false when only this person was taken off it.
    public var sessionCancelled: Bool
    /// For an update: the room and start the person was last told.
    public var previousRoom: String?
    public var previousStart: Instant?

    /// Creates a notice.
    public init(kind: NoticeKind, person: String, session: String, uid: String, sequence: Int, room: String,
                start: Instant, stamp: Instant, required: Bool, sessionCancelled: Bool = false,
                previousRoom: String? = nil, previousStart: Instant? = nil) {
        self.kind = kind
        self.person = person
        self.session = session
        self.uid = uid
        self.sequence = sequence
        self.room = room
        self.start = start
        self.stamp = stamp
        self.required = required
        self.sessionCancelled = sessionCancelled
        self.previousRoom = previousRoom
        self.previousStart = previousStart
    }

    /// The iTIP method the notice is sent with.
    public var method: ITIPEvent.Method { kind == .cancel ? .cancel : .request }

    /// Stable per person, session, SEQUENCE and method, so a re-send is recognised as the same message.
    public func messageID(domain: String) -> String {
        let local = uid.split(separator: "@").first.map(String.init) ?? uid
        return "\(local).\(Notice.safe(person)).\(sequence).\(method.rawValue.lowercased())@\(domain)"
    }

    /// Ids keep only characters safe in a Message-ID.
    static func safe(_ id: String) -> String {
        var out = ""
        for u in id.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil || "-_".unicodeScalars.contains(u) {
                out.unicodeScalars.append(u)
            } else {
                out += "=" + String(u.value, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
