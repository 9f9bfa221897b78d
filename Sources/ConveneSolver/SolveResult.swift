public import ConveneCore

/// A schedule the engine found, its score and how the search went.
public struct SolveResult: Sendable {
    /// Figures about the search.
    public struct Stats: Sendable, Hashable {
        public var placed: Int
        public var sessions: Int
        /// Moves tried, over all threads.
        public var iterations: Int
        /// Time to the first complete schedule (the construction phase).
        public var constructionTime: Duration
        public var totalTime: Duration
        /// The construction's score, before the local search.
        public var constructionScore: Score
        /// What no schedule can beat (see `LowerBound`); the search stops when it meets it.
        public var lowerBound: Score
    }

    public var solution: Solution
    /// The score, as the checker computes it.
    public var score: Score
    /// The checker's report on the solution (empty violations unless the instance itself is contradictory).
    public var validation: Validation
    public var stats: Stats
}
