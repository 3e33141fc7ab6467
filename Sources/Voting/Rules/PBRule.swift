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

/// What a voter gains from a funded project, for the Method of Equal Shares.
public enum PBUtility: String, Sendable, Hashable, Codable, CaseIterable {
    /// The project's cost (pabutools `Cost_Sat`): the rule favours cheap projects less.
    case cost
    /// One per approved project (pabutools `Cardinality_Sat`).
    case cardinality
}

/// How exact ties between equally affordable (or equally supported) projects are broken.
public enum PBTieBreaking: String, Sendable, Hashable, Codable {
    /// The Pabulib README order, used by Shabaka's rules: more approvals first, then lower cost,
    /// then the smaller project id (see ``ProjectIDOrder``).
    case pabulib
    /// pabutools' default `lexico_tie_breaking`: the project id compared as a string, by Unicode
    /// code points (so `c10` comes before `c2`). Only for reproducing pabutools.
    case lexicographic

    /// Rank of each project under this order: the lower rank wins a tie.
    func ranks(for profile: PBProfile) -> [Int] {
        let order = profile.costs.indices.sorted { lhs, rhs in
            switch self {
            case .lexicographic:
                return ProjectIDOrder.codePointsPrecede(profile.projectIDs[lhs], profile.projectIDs[rhs])
            case .pabulib:
                if profile.approvals[lhs] != profile.approvals[rhs] {
                    return profile.approvals[lhs] > profile.approvals[rhs]
                }
                if profile.costs[lhs] != profile.costs[rhs] { return profile.costs[lhs] < profile.costs[rhs] }
                return ProjectIDOrder.precedes(profile.projectIDs[lhs], profile.projectIDs[rhs])
            }
        }
        var ranks = [Int](repeating: 0, count: order.count)
        for (rank, project) in order.enumerated() { ranks[project] = rank }
        return ranks
    }
}

/// The order of project ids used for "the smaller project id".
///
/// Two ids that are both plain decimal numbers compare as numbers (`9` before `10`, as Warsaw's
/// numeric ids are meant); otherwise they compare by Unicode code points, as Python compares
/// strings. The Pabulib README does not say which; this keeps numeric ids natural and other ids
/// identical to pabutools.
public enum ProjectIDOrder {
    /// Whether `lhs` is the smaller project id.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        if let left = UInt64(lhs), let right = UInt64(rhs), left != right { return left < right }
        return codePointsPrecede(lhs, rhs)
    }

    static func codePointsPrecede(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
