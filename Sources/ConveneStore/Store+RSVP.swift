public import ConveneCore
import Foundation
import GRDB

/// One person's answer to one SEQUENCE of a session's invitation.
public struct RSVPAnswer: Sendable, Hashable, Codable {
    /// What a person said.
    public enum Answer: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, declined, tentative
    }

    public var person: String
    public var session: String
    public var sequence: Int
    public var answer: Answer
    /// The reply's DTSTAMP, when it had one.
    public var repliedAt: Instant?
    /// Where the reply came from, e.g. the file name.
    public var source: String

    public init(person: String, session: String, sequence: Int, answer: Answer, repliedAt: Instant?, source: String) {
        self.person = person
        self.session = session
        self.sequence = sequence
        self.answer = answer
        self.repliedAt = repliedAt
        self.source = source
    }
}

/// Who is coming to one session.
public struct SessionAttendance: Sendable, Hashable, Codable {
    /// One participant and their answer in force.
    public struct Participant: Sendable, Hashable, Codable {
        public var person: String
        public var required: Bool
        /// Nil when there is no answer to the latest invitation the person was sent.
        public var answer: RSVPAnswer.Answer?
        /// The SEQUENCE the answer in force replied to.
        public var sequence: Int?
    }

    public var session: String
    public var title: String
    public var participants: [Participant]

    public var accepted: Int { participants.filter { $0.answer == .accepted }.count }
    public var declined: Int { participants.filter { $0.answer == .declined }.count }
    public var tentative: Int { participants.filter { $0.answer == .tentative }.count }
    public var noAnswer: Int { participants.filter { $0.answer == nil }.count }

    /// `s-opening 開会全体会議 / Opening Plenary: 3 accepted, 1 declined, 0 tentative, 4 no answer`.
    public var line: String {
        "\(session) \(title): \(accepted) accepted, \(declined) declined, \(tentative) tentative, \(noAnswer) no answer"
    }
}

extension Store {
    /// Stores answers in one transaction; an answer already stored (same person, session,
    /// SEQUENCE, answer and time) is not stored twice. Returns how many were new.
    @discardableResult
    public func recordAnswers(_ answers: [RSVPAnswer], at now: Instant, command: String = "rsvp import") throws -> Int {
        try write { db in
            var added = 0
            for a in answers {
                let seen = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM rsvp WHERE person_id = ? AND session_id = ? AND sequence = ? AND answer = ?
                    AND replied_at IS ?
                    """, arguments: [a.person, a.session, a.sequence, a.answer.rawValue, a.repliedAt?.iso8601]) ?? 0
                guard seen == 0 else { continue }
                var r = RSVPRecord(id: nil, personId: a.person, sessionId: a.session, sequence: a.sequence,
                                   answer: a.answer.rawValue, repliedAt: a.repliedAt?.iso8601, receivedAt: now.iso8601,
                                   source: a.source)
                try r.insert(db)
                added += 1
            }
            if added > 0 {
                try audit(db, at: now, command: command, action: "rsvp", detail: "\(added) answer\(added == 1 ? "" : "s") recorded")
            }
            return added
        }
    }

    /// Every answer stored, oldest first.
    public func answers() throws -> [RSVPAnswer] {
        try read { db in try RSVPRecord.order(RSVPRecord.Columns.id).fetchAll(db).map(Store.answer) }
    }

    /// Accepted / declined / tentative / no answer for every session of the current plan.
    ///
    /// A person's answer in force is their reply to the highest SEQUENCE (the latest reply among
    /// equals); it counts only if it answers the latest invitation they were sent, so an answer
    /// to a time that has since changed shows as no answer.
    public func attendance() throws -> [SessionAttendance] {
        guard let event = try event() else { return [] }
        return try read { db in
            var inForce: [String: RSVPRecord] = [:]
            for r in try RSVPRecord.order(RSVPRecord.Columns.id).fetchAll(db) {
                let key = r.personId + "\u{1}" + r.sessionId
                if let old = inForce[key], (old.sequence, old.repliedAt ?? "") > (r.sequence, r.repliedAt ?? "") { continue }
                inForce[key] = r
            }
            var lastSent: [String: Int] = [:]
            for m in try latestNotices(db) where m.method == "REQUEST" { lastSent[m.person + "\u{1}" + m.session] = m.sequence }
            return event.sessions.map { s in
                let people = s.required.map { ($0, true) } + s.optional.map { ($0, false) }
                return SessionAttendance(session: s.id, title: s.title.bilingual, participants: people.map { id, required in
                    let key = id + "\u{1}" + s.id
                    guard let r = inForce[key], r.sequence >= (lastSent[key] ?? 0) else {
                        return .init(person: id, required: required, answer: nil, sequence: inForce[key]?.sequence)
                    }
                    return .init(person: id, required: required, answer: RSVPAnswer.Answer(rawValue: r.answer), sequence: r.sequence)
                })
            }
        }
    }

    /// Required participants whose answer in force is a decline: conflicts an admin must resolve.
    public func declines() throws -> [Decline] {
        try attendance().flatMap { a in
            a.participants.filter { $0.required && $0.answer == .declined }.map { Decline(session: a.session, person: $0.person) }
        }
    }

    static func answer(_ r: RSVPRecord) -> RSVPAnswer {
        RSVPAnswer(person: r.personId, session: r.sessionId, sequence: r.sequence,
                   answer: RSVPAnswer.Answer(rawValue: r.answer) ?? .tentative,
                   repliedAt: r.repliedAt.flatMap { Instant(iso8601: $0) }, source: r.source)
    }
}
