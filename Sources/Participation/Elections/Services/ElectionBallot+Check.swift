import Foundation
import Platform

/// An election with its budgets and projects, as one ballot is checked against them.
public struct ElectionContents: Sendable {
    public let election: BudgetElection
    public let budgets: [ElectionBudget]
    public let projects: [ElectionProject]

    public func projects(of budget: ElectionBudget) -> [ElectionProject] {
        projects.filter { $0.budgetID == budget.id }.sorted { $0.number < $1.number }
    }

    /// The budget a ballot is for, and its projects' numbers (sorted, without repeats), or the rule it breaks.
    public func check(_ input: BallotInput) throws -> (ElectionBudget, [Int]) {
        let budget: ElectionBudget
        if let id = input.budgetID {
            guard let found = budgets.first(where: { $0.id == id }) else { throw ElectionError.budgetNotFound }
            budget = found
        } else {
            guard budgets.count == 1, let only = budgets.first else {
                throw ValidationFailure([FieldError("budget_id", "validation.required")])
            }
            budget = only
        }
        let numbers = Array(Set(input.projects ?? [])).sorted()
        let offered = Dictionary(projects(of: budget).filter { !$0.isExcluded }.map { ($0.number, $0) },
                                 uniquingKeysWith: { first, _ in first })
        guard numbers.allSatisfy({ offered[$0] != nil }) else { throw ElectionError.unknownProject }
        if numbers.count < max(election.minProjects, 1) { throw ElectionError.tooFew(minimum: max(election.minProjects, 1)) }
        if let maximum = election.maxProjects, numbers.count > maximum { throw ElectionError.tooMany(maximum: maximum) }
        if election.ballotKind == .withinBudget {
            let total = numbers.reduce(Int64(0)) { $0 + (offered[$1]?.cost ?? 0) }
            if total > budget.amount { throw ElectionError.overBudget(budget: budget.amount, total: total) }
        }
        return (budget, numbers)
    }
}
