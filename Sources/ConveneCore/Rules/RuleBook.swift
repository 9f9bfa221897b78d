/// Every hard rule and soft term Convene holds a schedule to, each declared once.
///
/// The validator, `conflicts`, the reasons given for unscheduled sessions and `check`'s static
/// proofs all read these lists; the search keeps faster incremental forms of some rules, which
/// tests prove equal to these.
public enum RuleBook {
    /// The hard rules. Time rules come in the order reasons narrow the starts (windows, then people).
    package static let hard: [any HardRule] = [
        OpeningHoursRule(), CapacityRule(), FeatureRule(), RoomClosedRule(), WindowRule(), PersonUnavailableRule(),
        PersonHoursRule(), PickRule(), AfterRule(), PinRule(), RoomOverlapRule(), TurnoverRule(), ExclusiveRule(), PersonOverlapRule(),
        ApartRule(), SeriesRule(), DeclineRule(), StakeholderMixRule(),
    ]

    /// Every kind of conflict the hard rules report, in the rule book's order: the words `conflicts` uses.
    public static var conflictKinds: [Conflict.Kind] { hard.flatMap(\.kinds) }

    /// The soft terms, in the order the format's checker lists them.
    package static let soft: [any SoftTerm] = [
        OptionalConflictTerm(), OptionalUnavailableTerm(), PreferenceTerm(), MovedTerm(), OutsideHoursTerm(), SeriesTimeTerm(), IfNeedBeTerm(),
    ]

    /// Rules that depend on the room alone.
    package static let roomRules: [any RoomRule] = hard.compactMap { $0 as? any RoomRule }
    /// Rules that depend on the time alone.
    package static let timeRules: [any TimeRule] = hard.compactMap { $0 as? any TimeRule }
    /// Rules that depend on the room and the time together.
    package static let roomTimeRules: [any RoomTimeRule] = hard.compactMap { $0 as? any RoomTimeRule }

    /// The soft terms version 1 of the instance format knows.
    public static let version1Terms: Set<String> = ["optionalConflict", "optionalUnavailable", "preference", "moved"]

    /// The names of the soft terms, the keys `weights` may use.
    public static var softTermNames: [String] { soft.map(\.name) }

    /// The weight a soft term has unless told otherwise (0 for a name the rule book does not know).
    public static func defaultWeight(of term: String) -> Int {
        soft.first { $0.name == term }?.defaultWeight ?? 0
    }

    /// Checks a solution against its instance, as the format's checker does, and scores it.
    ///
    /// - Parameters:
    ///   - plan: the plan's own rules (composition, declines), which a bare instance lacks.
    ///   - words: names and wall-clock times for the reasons; without them, reasons are the checker's words.
    public static func validate(_ instance: Instance, _ solution: Solution, plan: PlanFacts = PlanFacts(),
                                words: Wording? = nil) -> Validation {
        judge(Review(Facts(instance, plan: plan), solution), words: words)
    }

    /// Every breach and the score of a schedule under review.
    package static func judge(_ review: Review, words: Wording?) -> Validation {
        var violations: [Conflict] = []
        var messages = review.problems
        for rule in hard {
            for b in rule.breaches(in: review) {
                if let code = rule.code { messages.append("\(code) \(b.text)") }
                violations.append(Conflict(kind: b.kind, sessions: b.sessions, people: b.people, rooms: b.rooms,
                                           reason: words.map { rule.reason(b, in: review, $0) } ?? b.text, rule: rule.code))
            }
        }
        let weights = review.facts.instance.weights
        var breakdown: [(String, Int)] = []
        var soft = 0
        for term in self.soft {
            let n = term.count(in: review)
            if term.isListed(for: review.facts.instance) { breakdown.append((term.name, n)) }
            soft += n * weights[term.name]
        }
        let unscheduled = review.facts.sessions.indices.reduce(0) {
            $0 + (review.placedIndex[$1] == nil ? review.facts.sessions[$1].priority : 0)
        }
        return Validation(
            violations: violations, problems: review.problems, messages: messages,
            score: Score(unscheduled: unscheduled, soft: soft), breakdown: breakdown,
            scheduled: review.placed.count, sessions: review.facts.sessions.count)
    }
}
