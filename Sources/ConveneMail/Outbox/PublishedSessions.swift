import ConveneCore

/// Every session ever scheduled, where it stands now, its SEQUENCE and UID: the same rules as the
/// feeds' `Publication` (+1 each time time, room or status change; a session dropped from the
/// schedule or the plan is cancelled), so invitations and feeds agree.
struct PublishedSessions {
    struct Entry {
        var session: String
        var scheduled: Bool
        var room: String
        var start: Instant
        var sequence: Int
        var uid: String
    }

    var entries: [Entry]

    /// The UID of a session's calendar entry, as the feeds write it.
    static func uid(event: String, session: String) -> String { "\(safe(session)).\(safe(event))@convene" }

    init(event: Event, history: [ScheduleVersion]) {
        var tracks: [String: Entry] = [:]
        for version in history {
            var present = Set<String>()
            for a in version.assignments {
                present.insert(a.session)
                if var t = tracks[a.session] {
                    if !t.scheduled || t.room != a.room || t.start != a.start {
                        t = Entry(session: a.session, scheduled: true, room: a.room, start: a.start, sequence: t.sequence + 1, uid: t.uid)
                    }
                    tracks[a.session] = t
                } else {
                    tracks[a.session] = Entry(session: a.session, scheduled: true, room: a.room, start: a.start, sequence: 0,
                                              uid: PublishedSessions.uid(event: event.id, session: a.session))
                }
            }
            for (id, t) in tracks where t.scheduled && !present.contains(id) {
                tracks[id]!.scheduled = false
                tracks[id]!.sequence = t.sequence + 1
            }
        }
        let planned = Set(event.sessions.map(\.id))
        for (id, t) in tracks where t.scheduled && !planned.contains(id) {
            tracks[id]!.scheduled = false
            tracks[id]!.sequence = t.sequence + 1
        }
        entries = tracks.values.sorted { ($0.start, $0.session) < ($1.start, $1.session) }
    }

    private static func safe(_ id: String) -> String {
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
