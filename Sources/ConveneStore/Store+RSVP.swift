public import ConveneCore

extension Store {
    /// Every answer stored, oldest first.
    public func answers() throws -> [RSVPAnswer] {
        try read { db in
            let f = try inEvent(db)
            return try RSVPRecord.fetchAll(db, sql: "SELECT * FROM rsvp WHERE \(f.sql) ORDER BY id", arguments: f.arguments)
                .map(Store.answer)
        }
    }

    /// Stores answers of `event` inside a caller's transaction; one already stored (same person, session,
    /// SEQUENCE, answer and reply time) is not stored twice. Returns how many were new.
    func insert(_ answers: [RSVPAnswer], event: String, _ db: SQLDatabase, at now: Instant) throws -> Int {
        var added = 0
        for a in answers {
            let seen = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM rsvp WHERE event_id = ? AND person_id = ? AND session_id = ? AND sequence = ? AND answer = ?
                AND replied_at IS NOT DISTINCT FROM ?
                """, arguments: [event, a.person, a.session, a.sequence, a.answer.rawValue, a.repliedAt]) ?? 0
            guard seen == 0 else { continue }
            let r = RSVPRecord(id: nil, eventId: event, personId: a.person, sessionId: a.session, sequence: a.sequence,
                               answer: a.answer.rawValue, repliedAt: a.repliedAt, receivedAt: now,
                               source: a.source, comment: a.comment, roomId: a.room, start: a.start)
            try r.insert(db)
            added += 1
        }
        return added
    }

    static func answer(_ r: RSVPRecord) -> RSVPAnswer {
        RSVPAnswer(person: r.personId, session: r.sessionId, sequence: r.sequence,
                   answer: RSVPAnswer.Answer(rawValue: r.answer) ?? .tentative,
                   repliedAt: r.repliedAt, source: r.source, comment: r.comment,
                   room: r.roomId, start: r.start)
    }
}
