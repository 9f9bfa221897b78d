/// What subscribers' calendars must show for every session ever published: where and when it is
/// (or that it is cancelled), its SEQUENCE and when it last changed.
///
/// Built from the plan, the sessions taken out of it and the published history alone (every
/// release, oldest first), so feeds, invitations and the feed server all agree on UID and
/// SEQUENCE. Drafts never reach it. Pure: reads no clock.
public struct Publication: Sendable, Hashable {
    /// Where a session stands now.
    public enum State: Sendable, Hashable {
        case scheduled(room: String, start: Instant)
        /// Taken out of the schedule or the plan; `room` and `start` are where it last was.
        case cancelled(room: String, start: Instant)
    }

    /// One session as published.
    public struct Entry: Sendable, Hashable {
        /// The session as the plan (or, once removed, its last plan) describes it, with the people
        /// last published as picked for it among its required participants.
        public var session: Session
        /// Scheduled or cancelled, with room and start.
        public var state: State
        /// 0 at first publication, +1 each time its time, room or status changed.
        public var sequence: Int
        /// When its time, room or status last changed (first publication included).
        public var lastModified: Instant
        /// The iCalendar UID, stable for the life of the session.
        public var uid: String

        /// The room it is (or was last) in.
        public var room: String {
            switch state {
            case .scheduled(let room, _), .cancelled(let room, _): return room
            }
        }

        /// The interval it takes (or took) place in.
        public var interval: Interval {
            switch state {
            case .scheduled(_, let start), .cancelled(_, let start):
                return Interval(start: start, end: start.adding(minutes: session.duration))
            }
        }

        /// True when subscribers must see it as STATUS:CANCELLED.
        public var isCancelled: Bool {
            if case .cancelled = state { return true }
            return false
        }
    }

    /// The current plan, seated as last published: people picked for a session take part in it.
    public var event: Event
    /// Every session ever scheduled, by start then id.
    public var entries: [Entry]

    /// The UID of a session's calendar entry: derived from ids only, never from order or names.
    public static func uid(event: String, session: String) -> String {
        "\(uidSafe(session)).\(uidSafe(event))@convene"
    }

    /// Builds the publication from the current plan, the removed sessions and the releases, oldest first.
    public init(event: Event, removed: [RemovedSession], releases: [Release]) {
        self.init(event: event, removed: removed, history: releases.map(\.asPublished))
    }

    /// Builds the publication from the current plan, the removed sessions and the schedules
    /// subscribers saw, oldest first, each dated when it was published.
    public init(event: Event, removed: [RemovedSession], history: [ScheduleVersion]) {
        self.event = event.seated(history.last?.assignments ?? [])
        var sessions: [String: Session] = [:]
        for r in removed { sessions[r.session.id] = r.session }
        for s in event.sessions { sessions[s.id] = s }
        let removedAt = Dictionary(removed.map { ($0.session.id, $0.removedAt) }, uniquingKeysWith: max)

        struct Track {
            var room: String
            var start: Instant
            var scheduled: Bool
            var sequence: Int
            var lastModified: Instant
            /// The people last published as picked for it.
            var picked: [String]
        }
        var tracks: [String: Track] = [:]
        for version in history {
            var present = Set<String>()
            for a in version.assignments {
                present.insert(a.session)
                if var t = tracks[a.session] {
                    if !t.scheduled || t.room != a.room || t.start != a.start {
                        t = Track(room: a.room, start: a.start, scheduled: true, sequence: t.sequence + 1,
                                  lastModified: version.createdAt, picked: a.picked)
                    }
                    t.picked = a.picked
                    tracks[a.session] = t
                } else {
                    tracks[a.session] = Track(room: a.room, start: a.start, scheduled: true, sequence: 0,
                                              lastModified: version.createdAt, picked: a.picked)
                }
            }
            for (id, t) in tracks where t.scheduled && !present.contains(id) {
                tracks[id] = Track(room: t.room, start: t.start, scheduled: false, sequence: t.sequence + 1,
                                   lastModified: version.createdAt, picked: t.picked)
            }
        }
        // A session taken out of the plan is cancelled from then on, even before the next solve.
        let planned = Set(event.sessions.map(\.id))
        for (id, t) in tracks where t.scheduled && !planned.contains(id) {
            tracks[id] = Track(room: t.room, start: t.start, scheduled: false, sequence: t.sequence + 1,
                               lastModified: max(t.lastModified, removedAt[id] ?? t.lastModified), picked: t.picked)
        }
        entries = tracks.compactMap { id, t in
            guard let session = sessions[id] else { return nil }
            return Entry(
                session: session.seated(t.picked),
                state: t.scheduled ? .scheduled(room: t.room, start: t.start) : .cancelled(room: t.room, start: t.start),
                sequence: t.sequence, lastModified: t.lastModified, uid: Publication.uid(event: event.id, session: id))
        }.sorted { ($0.interval.start, $0.session.id) < ($1.interval.start, $1.session.id) }
    }

    /// The entry of a session, if it was ever scheduled.
    public func entry(for session: String) -> Entry? { entries.first { $0.session.id == session } }

    /// The latest change to any entry: when the whole feed last changed.
    public var lastModified: Instant? { entries.map(\.lastModified).max() }

    /// Ids keep only characters that are safe in a UID everywhere.
    private static func uidSafe(_ id: String) -> String {
        let plain = id.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 45 || $0 == 95 }
        if plain { return id }
        var out = ""
        for u in id.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil || "-_".unicodeScalars.contains(u) {
                out.unicodeScalars.append(u)
            } else {
                out += "%" + String(u.value, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

extension Publication {
    /// Everything a publication is built from, as one JSON document: lets feeds be exported from
    /// a file as well as from the database.
    public struct Snapshot: Sendable, Hashable, Codable {
        /// The current plan.
        public var event: Event
        /// Sessions taken out of the plan.
        public var removed: [RemovedSession]
        /// The published schedules, oldest first, each dated when it was published; the last is in force.
        public var history: [ScheduleVersion]

        public init(event: Event, removed: [RemovedSession], history: [ScheduleVersion]) {
            self.event = event
            self.removed = removed
            self.history = history
        }
    }

    /// Builds the publication a snapshot describes.
    public init(_ snapshot: Snapshot) {
        self.init(event: snapshot.event, removed: snapshot.removed, history: snapshot.history)
    }
}
