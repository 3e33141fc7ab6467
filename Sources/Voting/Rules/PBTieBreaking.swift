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
