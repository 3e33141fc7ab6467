import Directory
import Fluent
import Platform
import Voting
import Vapor

/// Preparing an election: created as a draft by its process's organiser, budgets and projects added (entered or
/// from accepted proposals), then scheduled, which fixes everything; a project found infeasible may still be
/// excluded, with a reason, until the tally.
public enum ElectionAuthoring {
    public static let maxBudgets = 59
    public static let maxProjects = 300
    public static let amounts: ClosedRange<Int64> = 1...1_000_000_000_000

    public static func isOrganizer(_ user: CurrentUser?, of election: BudgetElection, on db: any Database) async throws
        -> Bool
    {
        try await SurveyPolicy.isOrganizer(user, processID: election.processID, on: db)
    }

    public static func requireOrganizer(_ user: CurrentUser, of election: BudgetElection, on db: any Database)
        async throws
    {
        guard try await isOrganizer(user, of: election, on: db) else { throw ElectionError.notTheOrganizer }
    }

    /// Every problem of the election's own fields; the election when there is none.
    public static func validate(_ input: ElectionInput, on db: any Database, into errors: inout [FieldError]) async throws
        -> BudgetElection
    {
        let election = BudgetElection()
        election.title = Validate.text(input.title, field: "title", max: 200, into: &errors)
        election.details = Validate.text(input.description, field: "description", max: 4000, required: false,
                                         into: &errors)
        election.language = Validate.trimmed(input.language) ?? SiteLanguage.default.rawValue
        if SiteLanguage(rawValue: election.language) == nil { errors.append(FieldError("language", "validation.invalid_choice")) }
        election.rule = Validate.trimmed(input.rule) ?? PBRule.mesAdd1.rawValue
        if PBRule(rawValue: election.rule) == nil { errors.append(FieldError("rule", "validation.invalid_choice")) }
        election.ballotKind = Validate.choice(Validate.trimmed(input.ballotKind) ?? BallotKind.withinBudget.rawValue,
                                              field: "ballot_kind", as: BallotKind.self, into: &errors) ?? .withinBudget
        election.minProjects = Validate.number(input.minProjects ?? 1, field: "min_projects", range: 1...maxProjects,
                                               into: &errors)
        if let maximum = input.maxProjects {
            election.maxProjects = Validate.number(maximum, field: "max_projects", range: 1...maxProjects, into: &errors)
            if maximum < election.minProjects { errors.append(FieldError("max_projects", "election.validation.max_below_min")) }
        }
        if let count = input.budgetsPerVoter {
            election.budgetsPerVoter = Validate.number(count, field: "budgets_per_voter", range: 1...maxBudgets, into: &errors)
        }
        if let age = input.minimumAge {
            election.minimumAge = Validate.number(age, field: "minimum_age", range: 1...120, into: &errors)
        }
        let opensAt = LocalTime.required(input.opensAt, field: "opens_at", into: &errors)
        let closesAt = LocalTime.required(input.closesAt, field: "closes_at", into: &errors)
        if let opensAt, let closesAt, closesAt <= opensAt {
            errors.append(FieldError("closes_at", "validation.end_before_start"))
        }
        election.opensAt = opensAt ?? Date(timeIntervalSince1970: 0)
        election.closesAt = closesAt ?? Date(timeIntervalSince1970: 0)
        if let processID = input.processID {
            if try await ParticipatoryProcess.find(processID, on: db) == nil {
                errors.append(FieldError("process_id", "validation.invalid_choice"))
            }
            election.processID = processID
        } else {
            errors.append(FieldError("process_id", "validation.required"))
        }
        return election
    }

    /// Creates a draft with its budgets (the form's single `budget`, or `budgets`) and projects, in one transaction.
    public static func create(_ input: ElectionInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> BudgetElection
    {
        var errors: [FieldError] = []
        let election = try await validate(input, on: db, into: &errors)
        var budgetInputs = input.budgets ?? []
        if let amount = input.budget { budgetInputs.insert(BudgetInput(amount: amount), at: 0) }
        if budgetInputs.isEmpty { errors.append(FieldError("budget", "validation.required")) }
        if budgetInputs.count > maxBudgets { errors.append(FieldError("budgets", "validation.too_many", "\(maxBudgets)")) }
        var budgets: [ElectionBudget] = []
        for (index, given) in budgetInputs.prefix(maxBudgets).enumerated() {
            budgets.append(try await budget(given, position: index + 1, field: input.budget != nil && index == 0
                                                ? "budget" : "budgets.\(index)", on: db, into: &errors))
        }
        // One budget per wilaya, and one national.
        var places = Set<String>()
        for (index, budget) in budgets.enumerated() where !places.insert(budget.wilayaCode ?? "").inserted {
            errors.append(FieldError("budgets.\(index).wilaya_code", "election.validation.budget_exists"))
        }
        let projectInputs = input.projects ?? []
        if projectInputs.count > maxProjects { errors.append(FieldError("projects", "validation.too_many", "\(maxProjects)")) }
        var projects: [ElectionProject] = []
        for (index, given) in projectInputs.prefix(maxProjects).enumerated() {
            let project = try await project(given, field: "projects.\(index)", on: db, into: &errors)
            let position = given.budget ?? 1
            if !(1...max(budgets.count, 1)).contains(position) {
                errors.append(FieldError("projects.\(index).budget", "validation.invalid_choice"))
            }
            project.number = index + 1
            projects.append(project)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        guard try await SurveyPolicy.isOrganizer(user, processID: election.processID, on: db) else {
            throw ElectionError.notTheOrganizer
        }
        election.state = .draft
        election.revision = 0
        election.createdBy = user.id
        election.createdAt = now
        let (budgetRows, projectRows) = (budgets, projects)
        try await db.transaction { tx in
            let budgets = budgetRows, projects = projectRows
            try await election.create(on: tx)
            let id = try election.requireID()
            for budget in budgets { budget.electionID = id }
            try await budgets.create(on: tx)
            for (project, given) in zip(projects, projectInputs) {
                project.electionID = id
                project.budgetID = try budgets[(given.budget ?? 1) - 1].requireID()
            }
            try await projects.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.created",
                                      subjectType: "budget_election", subjectID: id.uuidString,
                                      details: ["budgets": "\(budgets.count)", "projects": "\(projects.count)"], at: now)
        }
        return election
    }

    static func budget(_ input: BudgetInput, position: Int, field: String, on db: any Database,
                       into errors: inout [FieldError]) async throws -> ElectionBudget
    {
        let budget = ElectionBudget()
        budget.position = position
        budget.amount = Validate.number(input.amount, field: field + (field == "budget" ? "" : ".amount"), range: amounts,
                                        into: &errors)
        if let wilaya = Validate.trimmed(input.wilayaCode) {
            if try await Wilaya.find(wilaya, on: db) == nil {
                errors.append(FieldError(field + ".wilaya_code", "validation.invalid_choice"))
            }
            budget.wilayaCode = wilaya
        }
        return budget
    }

    /// A project's fields; from an accepted proposal of the election's process when `proposal_id` is given.
    static func project(_ input: ElectionProjectInput, field: String, on db: any Database,
                        into errors: inout [FieldError]) async throws -> ElectionProject
    {
        let project = ElectionProject()
        var title = input.title, description = input.description
        project.wilayaCode = Validate.trimmed(input.wilayaCode)
        project.domainCode = Validate.trimmed(input.domainCode)
        if let proposalID = input.proposalID {
            if let proposal = try await Proposal.find(proposalID, on: db), proposal.state == .accepted {
                project.proposalID = proposalID
                title = Validate.trimmed(title) ?? String(proposal.title.prefix(200))
                description = Validate.trimmed(description) ?? String(proposal.body.prefix(4000))
                project.wilayaCode = project.wilayaCode ?? proposal.wilayaCode
                project.domainCode = project.domainCode ?? proposal.domainCode
            } else {
                errors.append(FieldError(field + ".proposal_id", "election.validation.not_accepted"))
            }
        }
        project.title = Validate.text(title, field: field + ".title", max: 200, into: &errors)
        project.details = Validate.text(description, field: field + ".description", max: 4000, required: false,
                                        into: &errors)
        project.cost = Validate.number(input.cost, field: field + ".cost", range: amounts, into: &errors)
        project.exclusiveGroup = Validate.trimmed(input.exclusiveGroup)
        if (project.exclusiveGroup?.count ?? 0) > 40 {
            errors.append(FieldError(field + ".exclusive_group", "validation.too_long", "40"))
        }
        if let wilaya = project.wilayaCode, try await Wilaya.find(wilaya, on: db) == nil {
            errors.append(FieldError(field + ".wilaya_code", "validation.invalid_choice"))
        }
        if let domain = project.domainCode, try await Domain.find(domain, on: db) == nil {
            errors.append(FieldError(field + ".domain_code", "validation.invalid_choice"))
        }
        return project
    }
}
