import Fluent
import Foundation
import Platform
import Voting

/// One budget's ballots as a Pabulib election: the projects by their number (excluded ones left out, and left out
/// of every ballot; projects that exclude each other share a value in the `exclusive` column), the ballots by receipt, in receipt order, with no other column. The tally runs on exactly this,
/// so that anyone re-tallying the published file finds the same outcome.
public enum BallotsFile {
    public static func election(_ election: BudgetElection, budget: ElectionBudget, projects: [ElectionProject],
                                ballots: [(receipt: String, projects: [Int])], processTitle: String,
                                wilayaName: String?) -> PabulibElection
    {
        let offered = projects.filter { !$0.isExcluded }.sorted { $0.number < $1.number }
        let numbers = Set(offered.map(\.number))
        let votes = ballots.sorted { $0.receipt < $1.receipt }.compactMap { ballot -> PBBallot? in
            let kept = ballot.projects.filter(numbers.contains)
            return kept.isEmpty ? nil : PBBallot(voterID: ballot.receipt, projectIDs: kept.map(String.init))
        }
        let excluded = projects.filter(\.isExcluded).map { String($0.number) }
        var meta = [
            MetaEntry(key: "description", value: oneLine(election.title)),
            MetaEntry(key: "country", value: "Algeria"),
            MetaEntry(key: "unit", value: oneLine(processTitle)),
            MetaEntry(key: "subunit", value: wilayaName.map(oneLine) ?? "national"),
            MetaEntry(key: "instance", value: ISODate.string(election.closesAt).prefix(4).description),
            MetaEntry(key: "num_projects", value: "\(offered.count)"),
            MetaEntry(key: "num_votes", value: "\(votes.count)"),
            MetaEntry(key: "budget", value: "\(budget.amount)"),
            MetaEntry(key: "vote_type", value: VoteType.approval.rawValue),
            MetaEntry(key: "rule", value: election.rule),
            MetaEntry(key: "date_begin", value: election.opensAt.iso8601),
            MetaEntry(key: "date_end", value: election.closesAt.iso8601),
            MetaEntry(key: "language", value: election.language),
        ]
        if !excluded.isEmpty { meta.append(MetaEntry(key: "excluded_projects", value: excluded.joined(separator: ","))) }
        // Projects that exclude each other carry their group in an `exclusive` column, which `Voting` reads.
        let exclusive = offered.contains { $0.exclusiveGroup != nil }
        return PabulibElection(
            meta: meta, budget: budget.amount, voteType: .approval,
            projectColumns: ["name", "category"] + (exclusive ? [PBProfile.exclusiveColumn] : []),
            projects: offered.map {
                var attributes = ["name": oneLine($0.title), "category": $0.domainCode ?? ""]
                if exclusive { attributes[PBProfile.exclusiveColumn] = $0.exclusiveGroup.map(oneLine) ?? "" }
                return PBProject(id: String($0.number), cost: $0.cost, attributes: attributes)
            },
            ballots: votes)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The published file of one budget, once the election is tallied.
public enum ElectionsFile {
    public static func text(_ election: BudgetElection, budget position: Int, on db: any Database, now: Date)
        async throws -> (name: String, body: String)
    {
        _ = try await ElectionTally.results(election, on: db, now: now)
        let contents = try await ElectionQuery.contents(election, on: db)
        guard let budget = contents.budgets.first(where: { $0.position == position }) else {
            throw ElectionError.budgetNotFound
        }
        let title = try await ParticipatoryProcess.find(election.processID, on: db)
            .flatMap { $0.title.value(in: election.textLanguage) } ?? ""
        let file = try await ElectionTally.file(contents, budget: budget, processTitle: title, on: db)
        let name = "election-\(try election.requireID().uuidString.lowercased())-\(position).pb"
        return (name, PabulibWriter.text(of: file))
    }
}
