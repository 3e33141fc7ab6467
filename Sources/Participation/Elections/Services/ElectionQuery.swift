import Fluent
import Platform
import Vapor

/// An election with its budgets and projects, as pages, the API and the tally show them.
public struct ElectionContents: Sendable {
    public let election: BudgetElection
    public let budgets: [ElectionBudget]
    public let projects: [ElectionProject]

    public func projects(of budget: ElectionBudget) -> [ElectionProject] {
        projects.filter { $0.budgetID == budget.id }.sorted { $0.number < $1.number }
    }
}

/// Reading elections: one with its budgets and projects, and the list a reader may see (drafts are their
/// organisers' alone).
public enum ElectionQuery {
    public static func contents(_ election: BudgetElection, on db: any Database) async throws -> ElectionContents {
        let id = try election.requireID()
        let budgets = try await ElectionBudget.query(on: db).filter(\.$electionID == id).sort(\.$position).all()
        let projects = try await ElectionProject.query(on: db).filter(\.$electionID == id).sort(\.$number).all()
        return ElectionContents(election: election, budgets: budgets, projects: projects)
    }

    /// The `process` of a list's address (its id or slug), nil when not given; refused when it names none.
    public static func processFilter(_ req: Request) async throws -> UUID? {
        guard let raw = req.query[String.self, at: "process"], !raw.isEmpty else { return nil }
        guard let process = try await ParticipatoryProcess.find(idOrSlug: raw, on: req.db) else {
            throw ValidationFailure([FieldError("process", "validation.invalid_choice")])
        }
        return process.id
    }

    /// Whether the reader may see it at all.
    public static func visible(_ election: BudgetElection, to user: CurrentUser?, on db: any Database) async throws
        -> Bool
    {
        if election.state != .draft { return true }
        return try await ElectionAuthoring.isOrganizer(user, of: election, on: db)
    }

    /// Elections the reader may see, newest first; of one process when given.
    public static func list(processID: UUID?, viewer: CurrentUser?, page: PageQuery, on db: any Database) async throws
        -> ([BudgetElection], Int)
    {
        var query = BudgetElection.query(on: db)
        if let processID { query = query.filter(\.$processID == processID) }
        let all = try await query.sort(\.$opensAt, .descending).sort(\.$createdAt, .descending).all()
        var shown: [BudgetElection] = []
        for election in all where try await visible(election, to: viewer, on: db) { shown.append(election) }
        let items = Array(shown.dropFirst(page.offset).prefix(page.size))
        return (items, shown.count)
    }
}
