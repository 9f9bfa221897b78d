public import ConveneCore

/// Says why sessions are unscheduled, from the rules that block them, and where scheduled ones are.
public enum Explainer {
    /// Why each unscheduled session of a solution is left out, by session id.
    public static func reasons(_ instance: Instance, _ solution: Solution, plan: PlanFacts = PlanFacts(),
                               words: Wording = Wording(event: nil)) -> [String: String] {
        let problem = Problem(Facts(instance, plan: plan))
        let state = schedule(problem, solution)
        var out: [String: String] = [:]
        for s in 0..<problem.sessionCount where !state.isScheduled(s) {
            let id = problem.facts.sessions[s].id
            if solution.assignments.contains(where: { $0.session == id }) { continue }
            out[id] = UnscheduledReason(problem: problem, state: state, session: s, words: words).text
        }
        return out
    }

    /// Where one session is, or why it is not scheduled; `words` names people, rooms and what keeps people away.
    public static func explain(_ session: String, in instance: Instance, plan: PlanFacts = PlanFacts(), solution: Solution,
                               words: Wording = Wording(event: nil)) -> Explanation {
        if let a = solution.assignments.first(where: { $0.session == session }) {
            return Explanation(session: session, status: .scheduled(room: a.room, start: a.start),
                               reason: "scheduled in \(a.room) at \(Wording(event: nil).time(a.start))")
        }
        let problem = Problem(Facts(instance, plan: plan))
        guard let s = problem.sessionIndex[session] else {
            return Explanation(session: session, status: .unknown, reason: "the instance has no session \(session)")
        }
        let state = schedule(problem, solution)
        return Explanation(session: session, status: .unscheduled,
                           reason: UnscheduledReason(problem: problem, state: state, session: s, words: words).text)
    }

    /// The solution form of a search state, every unscheduled session with its reason.
    static func solution(for state: ScheduleState, words: Wording = Wording(event: nil)) -> Solution {
        let problem = state.problem
        var assignments: [Assignment] = []
        var unscheduled: [Solution.Unscheduled] = []
        for s in 0..<problem.sessionCount {
            let id = problem.facts.sessions[s].id
            if state.isScheduled(s) {
                assignments.append(Assignment(
                    session: id, room: problem.facts.rooms[Int(state.room[s])].id,
                    start: problem.origin.adding(minutes: state.startMinute[s]),
                    picked: state.picked[s].map { problem.personIDs[Int($0)] }))
            } else {
                unscheduled.append(.init(session: id, reason: UnscheduledReason(problem: problem, state: state, session: s, words: words).text))
            }
        }
        return Solution(instance: problem.instance.name, assignments: assignments, unscheduled: unscheduled,
                        version: problem.instance.writtenVersion)
    }

    /// A search state holding a solution's assignments that fit the instance's rules.
    /// (The picks are the search's own; who was picked does not change why others have no place.)
    static func schedule(_ problem: Problem, _ solution: Solution) -> ScheduleState {
        var state = ScheduleState(problem: problem)
        for a in solution.assignments {
            guard let s = problem.sessionIndex[a.session], !state.isScheduled(s), let r = problem.roomIndex[a.room],
                  let spot = state.admits(s, room: r, start: a.start.minutes(since: problem.origin)) else { continue }
            state.place(s, room: spot.room, startIndex: spot.startIndex, picks: spot.picks)
        }
        return state
    }
}
