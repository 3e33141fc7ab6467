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
