/// How long and how the engine searches.
public struct SolveOptions: Sendable {
    /// Stop searching after this long (measured on the clock passed to `Solver.solve`).
    public var timeLimit: Duration?
    /// Stop after this many moves per search thread instead; the result then depends only on the seed.
    public var iterations: Int?
    public var seed: UInt64
    /// Search threads, each with its own seed; they share the best schedule between rounds.
    public var workers: Int
    /// Only the one-pass greedy: most-constrained session first, first free room and start.
    public var greedyOnly: Bool
    /// Called between search rounds with the best schedule's figures so far.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    /// Creates options; with neither a time limit nor iterations the search runs 10 seconds.
    public init(
        timeLimit: Duration? = nil, iterations: Int? = nil, seed: UInt64 = 1, workers: Int = 2,
        greedyOnly: Bool = false, progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.iterations = iterations
        self.seed = seed
        self.workers = workers
        self.greedyOnly = greedyOnly
        self.progress = progress
    }
}

/// Where the search stands, for a progress line.
public struct SolveProgress: Sendable, Hashable {
    public var placed: Int
    public var sessions: Int
    public var unscheduledPriority: Int
    public var soft: Int
    /// Moves tried so far, over all threads.
    public var iterations: Int
    public var elapsed: Duration
}
