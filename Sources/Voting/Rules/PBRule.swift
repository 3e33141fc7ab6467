/// The participatory-budgeting rules Shabaka offers, by their command-line names.
public enum PBRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fund projects by decreasing support, skipping those that no longer fit (``Greedy``).
    case greedy
    /// Method of Equal Shares without completion; each voter holds budget / voters.
    case mes
    /// Method of Equal Shares with the add1 completion exactly as cities run it
    /// (``EqualShares/add1(_:utility:)``).
    case mesAdd1 = "mes-add1"
    /// ``mesAdd1`` followed by greedy completion with the budget left over.
    case mesAdd1Greedy = "mes-add1-greedy"
}
