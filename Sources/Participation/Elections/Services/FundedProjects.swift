import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// After the count, each funded project of an election becomes a draft project of the Projects room, carried by an
/// association of the network and linked both ways: the election project names the project, the project names the
/// election as its origin (and the proposal the election project came from names it too).
public enum FundedProjects {
    /// The funded project `number` of a tallied election, or why it cannot become a project.
    public static func funded(_ election: BudgetElection, number: Int, on db: any Database, now: Date) async throws
        -> ElectionProject
    {
        let id = try election.requireID()
        guard let project = try await ElectionProject.query(on: db).filter(\.$electionID == id)
            .filter(\.$number == number).first()
        else { throw ElectionError.unknownProject }
        let results = try await ElectionTally.results(election, on: db, now: now)
        guard let result = results.first(where: { $0.budgetID == project.budgetID }),
              result.outcome.selected.contains(String(number))
        else { throw ElectionError.notFunded }
        return project
    }

    /// Makes the draft project of the funded project `number`, for an organiser of the election.
    public static func makeProject(_ election: BudgetElection, number: Int, _ given: ProjectFromProposal,
                                   by user: CurrentUser, on db: any Database, now: Date)
        async throws -> Project
    {
        try await ElectionAuthoring.requireOrganizer(user, of: election, on: db)
        return try await makeProject(election, funded: try await funded(election, number: number, on: db, now: now),
                                     given, by: user, on: db, now: now)
    }

    /// Makes the draft project of `funded` (checked funded, by an organiser); the budget is the project's cost unless
    /// the organiser gives another.
    static func makeProject(_ election: BudgetElection, funded: ElectionProject, _ given: ProjectFromProposal,
                            by user: CurrentUser, on db: any Database, now: Date) async throws -> Project
    {
        let number = funded.number
        guard funded.projectID == nil else { throw ElectionError.alreadyAProject }
        let input = given.projectInput(title: funded.title, summary: funded.details.isEmpty ? funded.title : funded.details,
                                       domainCode: funded.domainCode, wilayaCode: funded.wilayaCode,
                                       budgetMinor: funded.cost * 100)
        let electionID = try election.requireID()
        let fundedID = try funded.requireID()
        return try await db.transaction { tx in
            // Claims the election project: two clicks make one project.
            guard let sql = tx as? any SQLDatabase,
                  try await sql.raw("""
                      UPDATE election_projects SET project_id = project_id WHERE id = \(bind: fundedID) AND project_id IS NULL
                      RETURNING id
                      """).first() != nil
            else { throw ElectionError.alreadyAProject }
            let project = try await ProjectService.createDraft(input, origin: ("pb_election", electionID, election.title),
                                                               by: user, inTransaction: tx, now: now)
            let projectID = try project.requireID()
            funded.projectID = projectID
            try await funded.save(on: tx)
            if let proposalID = funded.proposalID {
                try await sql.raw("""
                    UPDATE proposals SET project_id = \(bind: projectID) WHERE id = \(bind: proposalID) AND project_id IS NULL
                    """).run()
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.project_made",
                                      subjectType: "budget_election", subjectID: electionID.uuidString,
                                      details: ["number": "\(number)", "project": project.slug], at: now)
            return project
        }
    }
}
