public import ConveneCore
import Dispatch
import Foundation

/// The scheduling engine: turns an instance into a schedule.
///
/// A construction phase places sessions most-constrained first (the better of two passes); then local search
/// threads improve it until the time limit or the move budget, sharing the best
/// schedule between rounds. The engine reads no clock of its own: the caller passes one.
public enum Solver {
    /// What no schedule of the instance can beat, on both levels of the score (see `LowerBound`):
    /// the bound `solve` stops at, worked out without solving.
    public static func lowerBound(_ instance: Instance, plan: PlanFacts = PlanFacts()) -> Score {
        LowerBound.of(Problem(Facts(instance, plan: plan)))
    }

    /// Schedules an instance; `plan` adds the plan's own rules the search holds to (declines: a spot a
    /// required person declined is as closed to the session as a closed room); `words` names people in the
    /// reasons for unscheduled sessions.
    public static func solve<C: Clock<Duration>>(_ instance: Instance, plan: PlanFacts = PlanFacts(), options: SolveOptions,
                                                 clock: C, words: Wording = Wording(event: nil)) -> SolveResult {
        let begin = clock.now
        let problem = Problem(Facts(instance, plan: plan))
        var state: ScheduleState
        if options.greedyOnly {
            state = Construction.greedy(problem)
        } else {
            // The search starts from the better of its own construction and the greedy, built side by
            // side: it is then never worse than the greedy, even where its construction starts badly.
            let starts = Results(count: 2)
            DispatchQueue.concurrentPerform(iterations: 2) { w in
                var random = RandomSource(seed: options.seed)
                starts.set(w, w == 0 ? Construction.initial(problem, random: &random) : Construction.greedy(problem), 0)
            }
            state = starts.best().0
        }
        let constructionTime = begin.duration(to: clock.now)
        let constructionCost = state.cost
        let floor = LowerBound.of(problem)
        var iterations = 0

        if !options.greedyOnly {
            let workers = max(1, options.workers)
            let deadline = options.iterations == nil ? begin.advanced(by: options.timeLimit ?? .seconds(10)) : nil
            let rounds = 20
            let perRound = options.iterations.map { max(1, $0 / rounds) }
            var round = 0
            while state.cost > floor {
                if let deadline, clock.now >= deadline { break }
                if perRound != nil, round >= rounds { break }
                let start = state, thisRound = UInt64(round)
                let results = Results(count: workers)
                let roundEnd = deadline.map { d -> C.Instant in
                    let slice = (options.timeLimit ?? .seconds(10)) / rounds
                    let end = clock.now.advanced(by: slice)
                    return end < d ? end : d
                }
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let seed = options.seed &+ UInt64(w) &* 0x9E37_79B9 &+ thisRound &* 0x85EB_CA6B
                    var search = LocalSearch(state: start, random: RandomSource(seed: seed))
                    if let perRound {
                        search.run(perRound)
                    } else if let roundEnd {
                        while clock.now < roundEnd { search.run(8) }
                    }
                    results.set(w, search.state, search.iterations)
                }
                let (best, moves) = results.best()
                state = best
                iterations += moves
                round += 1
                options.progress?(SolveProgress(
                    placed: state.placedCount, sessions: problem.sessionCount, unscheduledPriority: state.cost.unscheduled,
                    soft: state.cost.soft, iterations: iterations, elapsed: begin.duration(to: clock.now)))
            }
        }

        let solution = Explainer.solution(for: state, words: words)
        let validation = RuleBook.judge(Review(problem.facts, solution), words: nil)
        let stats = SolveResult.Stats(
            placed: state.placedCount, sessions: problem.sessionCount, iterations: iterations,
            constructionTime: constructionTime, totalTime: begin.duration(to: clock.now),
            constructionScore: constructionCost,
            lowerBound: floor)
        return SolveResult(solution: solution, score: validation.score, validation: validation, stats: stats)
    }
}

/// The search threads' schedules after a round, collected under a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var states: [ScheduleState?]
    private var moves: [Int]

    init(count: Int) {
        states = Array(repeating: nil, count: count)
        moves = Array(repeating: 0, count: count)
    }

    func set(_ worker: Int, _ state: ScheduleState, _ iterations: Int) {
        lock.lock()
        defer { lock.unlock() }
        states[worker] = state
        moves[worker] = iterations
    }

    /// The cheapest schedule (the lowest thread number on a tie, so a seed decides the result) and the moves made.
    func best() -> (ScheduleState, Int) {
        lock.lock()
        defer { lock.unlock() }
        let all = states.compactMap { $0 }
        let best = all.enumerated().min { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }!.element
        return (best, moves.reduce(0, +))
    }
}

extension ScheduleState {
    /// How many sessions are scheduled.
    var placedCount: Int { room.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}
