import Directory
import Fluent
import Platform
import SQLKit
import Vapor
import Voting

/// The tally: at the first request for results after the close, the election is claimed for good (no ballot or
/// exclusion can commit after), then each budget's ballots are counted once through `Voting` and the outcome stored;
/// every later reading is of the stored outcome. Counting runs after the claim's transaction and off the event
/// loop (it can take seconds); a budget whose outcome is missing (a crash in between) is counted at the next reading.
public enum ElectionTally {
    /// The stored results, tallied now if the election has closed and nobody asked before.
    public static func results(_ election: BudgetElection, on db: any Database, now: Date) async throws
        -> [ElectionResult]
    {
        guard election.phase(at: now) == .closed else { throw ElectionError.resultsAtClose }
        let id = try election.requireID()
        if election.talliedAt == nil {
            // Paper ballots first: every polling station must have finished its count.
            if try await PollingStation.query(on: db).filter(\.$electionID == id).filter(\.$countedAt == .none).count() > 0 {
                throw ElectionError.stationsCounting
            }
            try await claim(election, on: db, now: now)
        }
        var stored = try await ElectionResult.query(on: db).filter(\.$electionID == id).all()
        let contents = try await ElectionQuery.contents(election, on: db)
        let missing = contents.budgets.filter { budget in !stored.contains { $0.budgetID == budget.id } }
        guard !missing.isEmpty else { return stored }
        let processTitle = try await ParticipatoryProcess.find(election.processID, on: db)
            .flatMap { $0.title.value(in: election.textLanguage) } ?? ""
        let rule = PBRule(rawValue: election.rule) ?? .mesAdd1
        for budget in missing {
            let file = try await file(contents, budget: budget, processTitle: processTitle, on: db)
            let result = ElectionResult()
            result.electionID = id
            result.budgetID = try budget.requireID()
            result.ballots = file.ballots.count
            result.outcome = await Task.detached { file.tally(rule) }.value
            result.createdAt = now
            do {
                try await result.create(on: db)
            } catch {
                // Counted at the same time by another reader: the outcome is the same (the rule is deterministic).
                guard try await ElectionResult.query(on: db).filter(\.$budgetID == result.budgetID).first() != nil
                else { throw error }
            }
        }
        stored = try await ElectionResult.query(on: db).filter(\.$electionID == id).all()
        return stored
    }

    /// Marks the election tallied, once: from then on no ballot or exclusion commits (each claims the row while
    /// `tallied_at` is empty).
    static func claim(_ election: BudgetElection, on db: any Database, now: Date) async throws {
        let id = try election.requireID()
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            let claimed = try await sql.raw("""
                UPDATE budget_elections SET tallied_at = \(bind: now) WHERE id = \(bind: id) AND tallied_at IS NULL
                RETURNING id
                """).first()
            guard claimed != nil else { return }
            try await AuditLog.record(on: tx, actor: .system, action: "election.tallied", subjectType: "budget_election",
                                      subjectID: id.uuidString, details: ["rule": election.rule], at: now)
        }
        election.talliedAt = try await BudgetElection.find(id, on: db)?.talliedAt
    }

    /// The published ballots of one budget, as the tally read them.
    public static func file(_ contents: ElectionContents, budget: ElectionBudget, processTitle: String,
                            on db: any Database) async throws -> PabulibElection
    {
        let budgetID = try budget.requireID()
        let ballots = try await ElectionBallot.query(on: db).filter(\.$budgetID == budgetID).all()
            .map { (receipt: $0.receipt, projects: $0.projectNumbers) }
        var wilayaName: String?
        if let code = budget.wilayaCode { wilayaName = try await Wilaya.find(code, on: db)?.nameFrench }
        return BallotsFile.election(contents.election, budget: budget, projects: contents.projects(of: budget),
                                    ballots: ballots, processTitle: processTitle, wilayaName: wilayaName)
    }
}
