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
