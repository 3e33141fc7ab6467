/// The result of a participatory-budgeting rule: what is funded and why each project is or is not.
public struct PBOutcome: Sendable, Hashable, Codable {
    /// The rule that produced it.
    public var rule: PBRule
    /// The MES utility, nil for ``PBRule/greedy``.
    public var utility: PBUtility?
    /// The tie order used.
    public var tieBreaking: PBTieBreaking
    /// Funded project ids, in the order they were funded.
    public var selected: [String]
    /// The total cost of ``selected``.
    public var totalCost: Int64
    /// The share each voter held in the (final) MES run, nil for ``PBRule/greedy``.
    public var perVoterBudget: ExactFraction?
    /// One explanation per project, in the profile's project order.
    public var explanations: [ProjectExplanation]
}
