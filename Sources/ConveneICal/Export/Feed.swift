public import ConveneCore

/// One subscription feed: whose sessions it shows, its title, and its file name.
public struct Feed: Sendable, Hashable {
    /// Whose sessions a feed shows.
    public enum Kind: Sendable, Hashable {
        /// Every session of the event.
        case event
        /// The sessions held in one room.
        case room(String)
        /// The sessions of one track.
        case track(String)
        /// The sessions a stakeholder group takes part in.
        case group(StakeholderGroup)
        /// One stakeholder's own sessions, with only their own attendance.
        case person(String)
    }

    /// Whose sessions it shows.
    public var kind: Kind
    /// The calendar's name as subscribers see it (NAME and X-WR-CALNAME).
    public var title: String
    /// Where the feed lives relative to the output folder, e.g. `rooms/hall.ics`.
    public var path: String
    /// The language of its titles and texts; nil for both (public feeds), a person's own for theirs.
    public var language: Language?

    public init(kind: Kind, title: String, path: String, language: Language? = nil) {
        self.kind = kind
        self.title = title
        self.path = path
        self.language = language
    }

    /// `event`, `room`, `track`, `group` or `person`.
    public var kindName: String {
        switch kind {
        case .event: return "event"
        case .room: return "room"
        case .track: return "track"
        case .group: return "group"
        case .person: return "person"
        }
    }

    /// Person feeds are private: reachable only through their owner's token, never listed with a title.
    public var isPrivate: Bool {
        if case .person = kind { return true }
        return false
    }

    /// The id of the room, track, group or person; nil for the event feed.
    public var id: String? {
        switch kind {
        case .event: return nil
        case .room(let id), .track(let id), .person(let id): return id
        case .group(let g): return g.rawValue
        }
    }
}
