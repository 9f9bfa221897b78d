import ConveneTestFixtures
@testable import ConveneCore

/// Small instances written in code, and the review a rule sees of a few placements.
typealias RuleFixtures = SmallInstances

extension SmallInstances {
    /// The review of some placements (session, room, minutes after 09:00); the rest are unscheduled.
    static func review(_ instance: Instance, _ placed: [(String, String, Int)], plan: PlanFacts = PlanFacts()) -> Review {
        Review(Facts(instance, plan: plan), solution(placed, unscheduled: instance.sessions.map(\.id).filter { id in
            !placed.contains { $0.0 == id }
        }))
    }

    /// The format checker's lines for one rule's breaches.
    static func lines(_ rule: some HardRule, _ review: Review) -> [String] {
        rule.breaches(in: review).map { b in rule.code.map { "\($0) \(b.text)" } ?? b.text }
    }
}
