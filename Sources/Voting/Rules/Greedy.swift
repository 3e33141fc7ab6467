/// Greedy participatory budgeting, as Warsaw runs it.
///
/// Projects are taken by decreasing approvals (points for point ballots); each is funded if it
/// still fits in the remaining budget, otherwise skipped, and the walk goes on. Ties in support
/// go to the lower cost, then the smaller project id (``ProjectIDOrder``), as the Pabulib
/// README orders MES ties.
public enum Greedy {
    /// Runs greedy on the whole budget.
    public static func tally(_ profile: PBProfile) -> PBOutcome {
        var explanations = profile.costs.indices.map {
            ProjectExplanation(projectID: profile.projectIDs[$0], kind: .greedySkipped, cost: profile.costs[$0])
        }
        let funded = walk(profile, projects: Array(profile.costs.indices), budget: profile.budget, taken: [],
                          funded: .greedyFunded, skipped: .greedySkipped, into: &explanations)
        return PBOutcome(
            rule: .greedy, utility: nil, tieBreaking: .pabulib, selected: funded.map { profile.projectIDs[$0] },
            totalCost: funded.reduce(0) { $0 + profile.costs[$1] }, perVoterBudget: nil,
            explanations: explanations)
    }

    /// `mes-add1-greedy`: ``EqualShares/add1(_:utility:)``, then greedy over the projects it left
    /// out with the budget it left over.
    public static func completing(_ outcome: PBOutcome, profile: PBProfile) -> PBOutcome {
        var result = outcome
        let chosen = Set(outcome.selected)
        let rest = profile.costs.indices.filter { !chosen.contains(profile.projectIDs[$0]) }
        let taken = profile.costs.indices.filter { chosen.contains(profile.projectIDs[$0]) }
        let funded = walk(profile, projects: rest, budget: profile.budget - outcome.totalCost, taken: taken,
                          funded: .completionFunded, skipped: .completionSkipped, into: &result.explanations)
        result.rule = .mesAdd1Greedy
        result.selected += funded.map { profile.projectIDs[$0] }
        result.totalCost += funded.reduce(0) { $0 + profile.costs[$1] }
        return result
    }

    /// Walks `projects` by support; a project excluded by one funded before (`taken`, or earlier in the walk) is
    /// passed over.
    private static func walk(
        _ profile: PBProfile, projects: [Int], budget: Int64, taken: [Int],
        funded: ProjectExplanation.Kind, skipped: ProjectExplanation.Kind,
        into explanations: inout [ProjectExplanation]
    ) -> [Int] {
        let order = projects.sorted { lhs, rhs in
            if profile.scores[lhs] != profile.scores[rhs] { return profile.scores[lhs] > profile.scores[rhs] }
            if profile.costs[lhs] != profile.costs[rhs] { return profile.costs[lhs] < profile.costs[rhs] }
            return ProjectIDOrder.precedes(profile.projectIDs[lhs], profile.projectIDs[rhs])
        }
        var remaining = budget
        var result: [Int] = []
        for (rank, project) in order.enumerated() {
            var explanation = explanations[project]
            explanation.rank = rank + 1
            explanation.score = profile.scores[project]
            explanation.remainingBudget = remaining
            explanation.supportersBudget = nil
            if profile.hasGroups, let other = profile.excluder(of: project, among: taken + result) {
                explanation.kind = .exclusive
                explanation.excludedBy = profile.projectIDs[other]
            } else if profile.costs[project] <= remaining {
                remaining -= profile.costs[project]
                result.append(project)
                explanation.kind = funded
            } else {
                explanation.kind = skipped
            }
            explanations[project] = explanation
        }
        return result
    }
}
