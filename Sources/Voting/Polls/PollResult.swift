/// The result of a general (non-budget) poll.
///
/// Tie rule, for every poll method: candidates that the method cannot separate share a tier of
/// ``ranking`` and, when that tier is first, are all ``winners``. Shabaka never breaks such a
/// tie by chance or by name; the organiser sees a tie and decides.
public struct PollResult: Sendable, Hashable, Codable {
    /// Tiers, best first; within a tier, candidates keep the order they were given in.
    public var ranking: [[String]]
    /// The first tier: one winner, or several tied ones.
    public var winners: [String]
    /// The numbers behind the ranking.
    public var explanation: PollExplanation
}

/// The numbers behind a ``PollResult``, with a ``method`` code, no prose.
public struct PollExplanation: Sendable, Hashable, Codable {
    /// Which method produced the result.
    public enum Method: String, Sendable, Hashable, Codable {
        /// One choice per ballot; most votes wins.
        case plurality
        /// Any number of approved candidates per ballot; most approvals wins.
        case approval
        /// Ranked ballots; Schulze's beatpath method.
        case schulze
    }

    /// The method.
    public var method: Method
    /// Candidates in the order given; the matrices below are indexed the same way.
    public var candidates: [String]
    /// Votes or approvals per candidate (plurality, approval).
    public var scores: [Int]?
    /// `pairwise[i][j]`: voters ranking candidate i above candidate j (Schulze).
    public var pairwise: [[Int]]?
    /// `strongestPaths[i][j]`: strength of the strongest beatpath from i to j (Schulze).
    public var strongestPaths: [[Int]]?
    /// Ballots ignored because they named an unknown candidate (or, for plurality, not exactly one).
    public var ignoredBallots: Int
}
