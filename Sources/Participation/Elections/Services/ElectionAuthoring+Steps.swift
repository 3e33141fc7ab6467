import Fluent
import Platform
import SQLKit
import Vapor

/// The steps after creation: adding budgets, adding and removing projects of a draft, scheduling, excluding an infeasible project.
extension ElectionAuthoring {
    /// Adds a project to a draft's budget, numbered after the last one.
    @discardableResult
    public static func addProject(_ election: BudgetElection, _ input: ElectionProjectInput, by user: CurrentUser,
                                  on db: any Database, now: Date) async throws -> ElectionProject
    {
        let contents = try await draft(election, by: user, on: db)
        var errors: [FieldError] = []
        let project = try await project(input, field: "project", on: db, into: &errors)
        let position = input.budget ?? 1
        guard let budget = contents.budgets.first(where: { $0.position == position }) else {
            errors.append(FieldError("project.budget", "validation.invalid_choice"))
            throw ValidationFailure(errors.map { unprefixed($0, "project.") })
        }
        if contents.projects.count >= maxProjects { errors.append(FieldError("project.title", "validation.too_many", "\(maxProjects)")) }
        guard errors.isEmpty else { throw ValidationFailure(errors.map { unprefixed($0, "project.") }) }
        project.electionID = try election.requireID()
        project.budgetID = try budget.requireID()
        project.number = (contents.projects.map(\.number).max() ?? 0) + 1
        try await changeDraft(election, by: user, action: "election.project_added",
                              details: ["number": "\(project.number)", "cost": "\(project.cost)"], on: db, now: now) {
            try await project.create(on: $0)
        }
        return project
    }

    /// Adds a budget to a draft (national, or of a wilaya that has none yet), after the last one.
    @discardableResult
    public static func addBudget(_ election: BudgetElection, _ input: BudgetInput, by user: CurrentUser,
                                 on db: any Database, now: Date) async throws -> ElectionBudget
    {
        let contents = try await draft(election, by: user, on: db)
        var errors: [FieldError] = []
        let budget = try await budget(input, position: (contents.budgets.map(\.position).max() ?? 0) + 1,
                                      field: "new_budget", on: db, into: &errors)
        if contents.budgets.contains(where: { $0.wilayaCode == budget.wilayaCode }) {
            errors.append(FieldError("new_budget.wilaya_code", "election.validation.budget_exists"))
        }
        if contents.budgets.count >= maxBudgets {
            errors.append(FieldError("new_budget.amount", "validation.too_many", "\(maxBudgets)"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors.map { unprefixed($0, "new_budget.") }) }
        budget.electionID = try election.requireID()
        try await changeDraft(election, by: user, action: "election.budget_added",
                              details: ["position": "\(budget.position)", "wilaya": budget.wilayaCode ?? "",
                                        "amount": "\(budget.amount)"], on: db, now: now) {
            try await budget.create(on: $0)
        }
        return budget
    }

    /// A form's fields are named without the API's prefix (`project.`, `new_budget.`).
    static func unprefixed(_ error: FieldError, _ prefix: String) -> FieldError {
        error.field.hasPrefix(prefix) ? error.renamed(String(error.field.dropFirst(prefix.count))) : error
    }

    /// The organiser changes the election only while it is a draft.
    static func requireDraft(_ election: BudgetElection, by user: CurrentUser, on db: any Database) async throws {
        try await requireOrganizer(user, of: election, on: db)
        guard election.state == .draft else { throw ElectionError.notDraft }
    }

    /// A draft the organiser may change, with its budgets and projects.
    static func draft(_ election: BudgetElection, by user: CurrentUser, on db: any Database) async throws
        -> ElectionContents
    {
        try await requireDraft(election, by: user, on: db)
        return try await ElectionQuery.contents(election, on: db)
    }

    /// One change of a draft, in one transaction with the new revision of its snapshot and its audit entry.
    static func changeDraft(_ election: BudgetElection, by user: CurrentUser, action: String, details: [String: String],
                            on db: any Database, now: Date, _ change: @escaping @Sendable (any Database) async throws -> Void)
        async throws
    {
        let id = try election.requireID()
        try await db.transaction { tx in
            try await change(tx)
            try await ElectionSnapshots.revise(id, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: action, subjectType: "budget_election",
                                      subjectID: id.uuidString, details: details, at: now)
        }
    }

    /// Removes a project from a draft.
    public static func removeProject(_ election: BudgetElection, number: Int, by user: CurrentUser, on db: any Database,
                                     now: Date) async throws
    {
        try await requireDraft(election, by: user, on: db)
        let id = try election.requireID()
        guard let project = try await ElectionProject.query(on: db).filter(\.$electionID == id)
            .filter(\.$number == number).first() else { throw ElectionError.unknownProject }
        try await changeDraft(election, by: user, action: "election.project_removed",
                              details: ["number": "\(number)", "title": project.title], on: db, now: now) {
            try await project.delete(on: $0)
        }
    }

    /// Fixes budgets, projects and rules; voting then opens and closes by the clock. Every budget needs a project,
    /// and the close must be ahead.
    public static func schedule(_ election: BudgetElection, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        let transition = try ElectionWorkflow.election.check(action: "schedule", from: election.state, user: user,
                                                             reason: nil)
        try await requireOrganizer(user, of: election, on: db)
        let contents = try await ElectionQuery.contents(election, on: db)
        if contents.budgets.contains(where: { contents.projects(of: $0).isEmpty }) {
            throw ElectionError.incomplete(reason: "no_projects")
        }
        if election.closesAt <= now { throw ElectionError.incomplete(reason: "closes_in_past") }
        election.state = transition.to
        election.scheduledAt = now
        election.revision += 1
        try await ElectionWorkflow.election.apply(transition, to: election, from: .draft, by: AuditActor(user), reason: nil,
                                                  on: db, at: now)
    }

    /// Leaves a project out of the tally, with a reason the results show; possible until the tally, never undone.
    public static func exclude(_ election: BudgetElection, number: Int, _ input: ExclusionInput, by user: CurrentUser,
                               on db: any Database, now: Date) async throws
    {
        try await requireOrganizer(user, of: election, on: db)
        var errors: [FieldError] = []
        let reason = Validate.text(input.reason, field: "reason", max: 1000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let id = try election.requireID()
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            // Claims the election as a ballot does: an exclusion and the tally never overlap.
            guard try await sql.raw("""
                UPDATE budget_elections SET revision = revision + 1 WHERE id = \(bind: id) AND tallied_at IS NULL
                RETURNING id
                """).first() != nil else { throw ElectionError.closed }
            let excluded = try await sql.raw("""
                UPDATE election_projects SET excluded_reason = \(bind: reason), excluded_at = \(bind: now),
                    excluded_by = \(bind: user.id)
                WHERE election_id = \(bind: id) AND number = \(bind: number) AND excluded_at IS NULL RETURNING id
                """).first()
            guard excluded != nil else { throw ElectionError.unknownProject }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.project_excluded",
                                      subjectType: "budget_election", subjectID: id.uuidString,
                                      details: ["number": "\(number)", "reason": reason], at: now)
        }
    }
}

/// An election's procedure: prepared, then scheduled (final: the clock does the rest).
public enum ElectionWorkflow {
    public static let election = Workflow<ElectionState>(name: "budget_election", transitions: [
        .init("schedule", from: [.draft], to: .scheduled, permission: .representOrganizations, destructive: true),
    ])
}
