import Foundation

extension PBCommandLine {
    static func json(_ outcome: PBOutcome, explain: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func encoded(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var fields = [
            "\"rule\":" + (try encoded(outcome.rule.rawValue)),
            "\"selected\":" + (try encoded(outcome.selected)),
            "\"total_cost\":\(outcome.totalCost)",
            "\"per_voter_budget\":" + (outcome.perVoterBudget?.decimalString() ?? "null"),
        ]
        if explain { fields.append("\"explanations\":" + (try encoded(outcome.explanations))) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func text(_ outcome: PBOutcome, election: PabulibElection, explain: Bool) -> String {
        var lines = [
            "rule: \(outcome.rule.rawValue)" + (outcome.utility.map { " (utility: \($0.rawValue))" } ?? ""),
            "budget: \(election.budget)  voters: \(election.ballots.count)  projects: \(election.projects.count)",
            "funded: \(outcome.selected.count)  total cost: \(outcome.totalCost)"
                + (outcome.perVoterBudget.map { "  per-voter budget: \($0.decimalString())" } ?? ""),
            "",
            row(["project", "cost", "funded", "reason"]),
        ]
        let funded = Set(outcome.selected)
        let byID = Dictionary(outcome.explanations.map { ($0.projectID, $0) }, uniquingKeysWith: { first, _ in first })
        let order = outcome.selected + outcome.explanations.map(\.projectID).filter { !funded.contains($0) }
        for id in order {
            guard let explanation = byID[id] else { continue }
            let reason = explain ? summary(explanation) : explanation.kind.rawValue
            lines.append(row([id, String(explanation.cost), funded.contains(id) ? "yes" : "no", reason]))
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        let widths = [12, 12, 7]
        return cells.enumerated().map { offset, cell in
            guard offset < widths.count else { return cell }
            return cell.padding(toLength: max(widths[offset], cell.count), withPad: " ", startingAt: 0)
        }.joined(separator: " ")
    }

    private static func summary(_ explanation: ProjectExplanation) -> String {
        var parts = [explanation.kind.rawValue]
        func add(_ name: String, _ value: (some CustomStringConvertible)?) {
            if let value { parts.append("\(name)=\(value)") }
        }
        add("rank", explanation.rank)
        add("round", explanation.round)
        add("remaining", explanation.remainingBudget)
        add("payers", explanation.payers)
        add("share", explanation.paymentPerPayer)
        add("partial", explanation.partialPayers)
        add("supporters_budget", explanation.supportersBudget)
        return parts.joined(separator: " ")
    }
}
