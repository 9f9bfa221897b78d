import ConveneCore

/// Everyone's answers, and which one holds where a session is placed.
///
/// An answer holds for the room and time it answered: it lapses when the session moves and is
/// in force again when the session is back there. Among the answers that hold, the latest one
/// counts (highest SEQUENCE, then the latest reply, then the one received last).
struct AnswerBook {
    private var byPersonSession: [String: [RSVPAnswer]] = [:]

    init(_ answers: [RSVPAnswer]) {
        for a in answers { byPersonSession[Self.key(a.person, a.session), default: []].append(a) }
    }

    /// The answer in force for a person in a session placed at `placement` (nil: not scheduled).
    func inForce(person: String, session: String, at placement: Assignment?) -> RSVPAnswer? {
        Self.latest(byPersonSession[Self.key(person, session)]?.filter { $0.holds(for: placement) } ?? [])
    }

    /// The person's latest answer about the session, wherever it was then.
    func latest(person: String, session: String) -> RSVPAnswer? {
        Self.latest(byPersonSession[Self.key(person, session)] ?? [])
    }

    /// Every decline in force somewhere: at each room and time someone answered, their answer in force
    /// there; and, where their latest answer that names no place is a no, wherever the session is.
    var declines: [Decline] {
        byPersonSession.values.flatMap { answers -> [Decline] in
            let first = answers[0]
            var out: [Decline] = []
            var spots = Set<Assignment>()
            for a in answers {
                guard let room = a.room, let start = a.start else { continue }
                let spot = Assignment(session: a.session, room: room, start: start)
                guard spots.insert(spot).inserted else { continue }
                if inForce(person: a.person, session: a.session, at: spot)?.answer == .declined {
                    out.append(Decline(session: a.session, person: a.person, room: room, start: start))
                }
            }
            if Self.latest(answers.filter { $0.room == nil || $0.start == nil })?.answer == .declined {
                out.append(Decline(session: first.session, person: first.person))
            }
            return out
        }.sorted { ($0.session, $0.person, $0.start?.secondsSinceEpoch ?? .min, $0.room ?? "") < ($1.session, $1.person, $1.start?.secondsSinceEpoch ?? .min, $1.room ?? "") }
    }

    private static func latest(_ answers: [RSVPAnswer]) -> RSVPAnswer? {
        var best: RSVPAnswer?
        for a in answers {
            if let b = best, (b.sequence, b.repliedAt?.secondsSinceEpoch ?? .min) > (a.sequence, a.repliedAt?.secondsSinceEpoch ?? .min) {
                continue
            }
            best = a
        }
        return best
    }

    private static func key(_ person: String, _ session: String) -> String { person + "\u{1}" + session }
}
