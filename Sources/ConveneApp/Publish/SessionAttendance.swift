public import ConveneCore

/// Who is coming to one session where the draft places it.
public struct SessionAttendance: Sendable, Hashable, Codable {
    /// One participant, their answer in force and what else they said.
    public struct Participant: Sendable, Hashable, Codable {
        /// The person's id.
        public var person: String
        /// Required (true) or optional.
        public var required: Bool
        /// Their answer for the room and time the session is at now; nil when they gave none.
        public var answer: RSVPAnswer.Answer?
        /// The SEQUENCE the answer in force replied to.
        public var sequence: Int?
        /// What they wrote with the answer in force.
        public var comment: String?
        /// Their latest answer when it was for another room or time (the session moved, or is
        /// off the schedule): it is in force again if the session goes back there.
        public var earlier: RSVPAnswer?
    }

    /// The session's id.
    public var session: String
    /// Its title in both languages.
    public var title: String
    /// Where the draft places it; nil when it is not scheduled.
    public var placement: Assignment?
    /// Required participants (the people picked for it among them) first, then optional ones.
    public var participants: [Participant]

    /// How many answers in force say so.
    public var accepted: Int { participants.filter { $0.answer == .accepted }.count }
    public var declined: Int { participants.filter { $0.answer == .declined }.count }
    public var tentative: Int { participants.filter { $0.answer == .tentative }.count }
    public var noAnswer: Int { participants.filter { $0.answer == nil }.count }

    /// Every session of the plan, judged where `schedule` places it.
    public static func all(event: Event, answers: [RSVPAnswer], schedule: [Assignment]) -> [SessionAttendance] {
        let book = AnswerBook(answers)
        let placed = Dictionary(schedule.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        return event.seated(schedule).sessions.map { s in
            let people = s.required.map { ($0, true) } + s.optional.filter { !s.required.contains($0) }.map { ($0, false) }
            return SessionAttendance(session: s.id, title: s.title.bilingual, placement: placed[s.id], participants: people.map { id, required in
                let inForce = book.inForce(person: id, session: s.id, at: placed[s.id])
                let latest = book.latest(person: id, session: s.id)
                return Participant(person: id, required: required, answer: inForce?.answer, sequence: inForce?.sequence,
                                   comment: inForce?.comment, earlier: latest == inForce ? nil : latest)
            })
        }
    }

    /// `s-opening 開会全体会議 / Opening Plenary: 3 accepted, 1 declined, 0 tentative, 4 no answer`.
    public var line: String {
        "\(session) \(title): \(accepted) accepted, \(declined) declined, \(tentative) tentative, \(noAnswer) no answer"
    }

    /// One line per answer worth a look: what was written with it, and answers for another room or time.
    public func details(_ text: ScheduleText) -> [String] {
        participants.flatMap { p -> [String] in
            var out: [String] = []
            if let answer = p.answer, let comment = p.comment { out.append("\(text.person(p.person)) \(answer.rawValue): \"\(comment)\"") }
            if let e = p.earlier {
                let place = e.room.flatMap { r in e.start.map { text.place(Assignment(session: session, room: r, start: $0)) } }
                out.append("\(text.person(p.person)) \(e.answer.rawValue) " + (place.map { "for \($0)" } ?? "an earlier time")
                    + " (SEQUENCE \(e.sequence)); in force again if the session goes back there"
                    + (e.comment.map { ": \"\($0)\"" } ?? ""))
            }
            return out
        }
    }
}
