/// What a voter gains from a funded project, for the Method of Equal Shares.
public enum PBUtility: String, Sendable, Hashable, Codable, CaseIterable {
    /// The project's cost (pabutools `Cost_Sat`): the rule favours cheap projects less.
    case cost
    /// One per approved project (pabutools `Cardinality_Sat`).
    case cardinality
}
