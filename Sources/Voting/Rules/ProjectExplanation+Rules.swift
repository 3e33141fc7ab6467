extension ProjectExplanation {
    static func forMES(_ run: MESRun, profile: PBProfile) -> [ProjectExplanation] {
        var result = profile.costs.indices.map { project in
            var explanation = ProjectExplanation(
                projectID: profile.projectIDs[project], kind: .mesUnaffordable, cost: profile.costs[project])
            explanation.supporters = profile.approvals[project]
            if profile.approvals[project] == 0 {
                explanation.kind = .mesNoSupporters
            } else {
                explanation.supportersBudget = rounded(run.supportersBudgetAtEnd[project])
            }
            return explanation
        }
        for (index, purchase) in run.purchases.enumerated() {
            var explanation = result[purchase.project]
            explanation.kind = .mesFunded
            explanation.round = index + 1
            explanation.payers = purchase.fullPayers
            explanation.paymentPerPayer = rounded(purchase.payment)
            explanation.partialPayers = purchase.partialPayers
            explanation.partialPayment = rounded(purchase.partialTotal)
            explanation.rho = purchase.rho
            explanation.supportersBudget = nil
            result[purchase.project] = explanation
        }
        guard profile.hasGroups else { return result }
        let selected = run.selected
        for project in profile.costs.indices where !selected.contains(project) {
            guard let other = profile.excluder(of: project, among: selected) else { continue }
            result[project].kind = .exclusive
            result[project].excludedBy = profile.projectIDs[other]
            result[project].supportersBudget = nil
        }
        return result
    }

    /// Keeps display amounts short (cents) so JSON stays readable.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
