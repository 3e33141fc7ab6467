import Directory
import Fluent
import Platform
import Vapor

public enum DifficultyService {
    /// Projects that can still meet difficulties and receive pledges.
    static let openStates: Set<ProjectState> = [.submitted, .underReview, .approved, .inProgress, .suspended, .completed]

    public static func report(
        _ input: DifficultyInput, on project: Project, by user: CurrentUser, db: any Database, now: Date, messaging: Messaging
    ) async throws -> Difficulty {
        try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: db)
        guard openStates.contains(project.state) else { throw ProjectsError.projectNotOpen }
        var errors: [FieldError] = []
        let category = Validate.choice(input.category, field: "category", as: DifficultyCategory.self, into: &errors)
        let severity = Validate.choice(input.severity, field: "severity", as: DifficultySeverity.self, into: &errors)
        let title = Validate.text(input.title, field: "title", max: 200, into: &errors)
        let details = Validate.text(input.description, field: "description", max: 4000, into: &errors)
        guard errors.isEmpty, let category, let severity else { throw ValidationFailure(errors) }
        let difficulty = Difficulty()
        difficulty.projectID = try project.requireID()
        difficulty.category = category
        difficulty.severity = severity
        difficulty.title = title
        difficulty.details = details
        difficulty.state = .reported
        difficulty.reportedBy = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        difficulty.reportedByUserID = user.id
        difficulty.reportedAt = now
        try await db.transaction { tx in
            try await difficulty.create(on: tx)
            try await WorkflowStep.record(workflow: "difficulty", subjectID: try difficulty.requireID(), action: "report",
                                          from: nil, to: DifficultyState.reported.rawValue, actor: AuditActor(user),
                                          reason: nil, on: tx, at: now)
            try await notify(difficulty, key: "notification.difficulty_reported", roles: [.coordinator, .expert],
                             except: user.id, on: tx, messaging: messaging, now: now)
        }
        return difficulty
    }

    /// `diagnose`, `resolve` or `escalate`, each with its text (the cause, what was done, why).
    public static func step(
        _ difficulty: Difficulty, action: String, text: String?, by user: CurrentUser, on db: any Database, now: Date,
        messaging: Messaging
    ) async throws {
        guard ["diagnose", "resolve", "escalate"].contains(action) else {
            if action == "decide" { throw ValidationFailure([FieldError("solution_id", "validation.required")]) }
            throw WorkflowError.unknownAction(action)
        }
        let from = difficulty.state
        let step = try ProjectWorkflows.difficulty.check(action: action, from: from, user: user, reason: text)
        if action == "resolve", !user.may(.decideDifficulties), let project = try await Project.find(difficulty.projectID, on: db) {
            try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: db)
        }
        let note = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 4000 { throw ValidationFailure([FieldError("reason", "validation.too_long", "4000")]) }
        if action == "diagnose" {
            if note.isEmpty { throw ValidationFailure([FieldError("reason", "validation.required")]) }
            difficulty.cause = note
            difficulty.diagnosedBy = ""
            difficulty.diagnosedByUserID = user.id
            difficulty.diagnosedAt = now
        } else if action == "resolve" {
            difficulty.closedNote = note
            difficulty.closedAt = now
        }
        difficulty.state = step.to
        try await ProjectWorkflows.difficulty.apply(step, to: difficulty, from: from, by: AuditActor(user), reason: note,
                                                    on: db, at: now) { tx in
            if action == "escalate" {
                try await notify(difficulty, key: "notification.difficulty_escalated", roles: [.coordinator, .admin],
                                 except: user.id, on: tx, messaging: messaging, now: now)
            }
            // The association hears of every step on its difficulty (staff of its resolution too).
            var concerned = try await associationAccounts(of: difficulty, on: tx)
            if action == "resolve" { concerned += try await Notifier.users(withAnyOf: [.coordinator], on: tx) }
            var told = Set<UUID>()
            try await Notifier.notify(userIDs: concerned.filter { $0 != user.id && told.insert($0).inserted },
                                      messageKey: "notification.difficulty_step_" + action, arguments: [difficulty.title, note],
                                      link: "difficulties/\(try difficulty.requireID())", on: tx, catalog: messaging.catalog,
                                      baseURL: messaging.baseURL, at: now)
        }
    }

    /// Who speaks for the project's association: whoever reported the difficulty, and the representatives.
    static func associationAccounts(of difficulty: Difficulty, on db: any Database) async throws -> [UUID] {
        let representatives = try await Project.find(difficulty.projectID, on: db)
            .asyncMap { try await Representation.userIDs(of: $0.organizationID, on: db) } ?? []
        return [difficulty.reportedByUserID].compactMap { $0 } + representatives
    }

    /// A solution or alternative, while the difficulty waits for a decision.
    public static func propose(
        _ input: SolutionInput, for difficulty: Difficulty, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> Solution {
        guard user.may(.proposeSolutions) else {
            throw WorkflowError.roleNotAllowed(workflow: "difficulty", action: "propose",
                                               roles: AccessPolicy.roles(granting: .proposeSolutions))
        }
        guard [.diagnosed, .escalated].contains(difficulty.state) else {
            throw WorkflowError.notAllowed(workflow: "difficulty", action: "propose", state: difficulty.state.rawValue,
                                           allowed: ProjectWorkflows.difficulty.actions(from: difficulty.state).map(\.action))
        }
        let (solution, errors) = validate(input)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        solution.difficultyID = try difficulty.requireID()
        solution.proposerID = user.id
        solution.proposerName = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        solution.proposedAt = now
        try await db.transaction { tx in
            try await solution.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "difficulty.solution_proposed",
                                      subjectType: "difficulty", subjectID: solution.difficultyID.uuidString,
                                      details: ["solution": try solution.requireID().uuidString], at: now)
        }
        return solution
    }

    /// Every problem of a proposed solution at once.
    static func validate(_ input: SolutionInput) -> (Solution, [FieldError]) {
        var errors: [FieldError] = []
        let solution = Solution()
        solution.details = Validate.text(input.description, field: "description", max: 4000, into: &errors)
        solution.costMinor = Validate.number(input.costMinor, field: "cost_minor", range: NumberRange.moneyMinor, into: &errors)
        solution.durationDays = Validate.number(input.durationDays, field: "duration_days", range: 1...3650, into: &errors)
        return (solution, errors)
    }

    /// Chooses one of the proposed solutions, with the reason, an owner and a deadline.
    public static func decide(
        _ input: DecisionInput, for difficulty: Difficulty, by user: CurrentUser, on db: any Database, now: Date,
        messaging: Messaging
    ) async throws {
        let from = difficulty.state
        let step = try ProjectWorkflows.difficulty.check(action: "decide", from: from, user: user, reason: input.reason)
        var errors: [FieldError] = []
        let difficultyID = try difficulty.requireID()
        if let id = input.solutionID {
            if try await Solution.query(on: db).filter(\.$id == id).filter(\.$difficultyID == difficultyID).count() == 0 {
                errors.append(FieldError("solution_id", "validation.invalid_choice"))
            }
        } else { errors.append(FieldError("solution_id", "validation.required")) }
        let owner = Validate.text(input.owner, field: "owner", max: 200, into: &errors)
        let deadline = Validate.date(input.deadline, field: "deadline", into: &errors)
        if let date = ISODate.parse(deadline), ISODate.string(date) < ISODate.string(now) {
            errors.append(FieldError("deadline", "validation.date_in_past"))
        }
        let reason = Validate.text(input.reason, field: "reason", max: 4000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        difficulty.chosenSolutionID = input.solutionID
        difficulty.decisionReason = reason
        difficulty.decisionOwner = owner
        difficulty.decisionDeadline = deadline
        difficulty.decidedBy = ""
        difficulty.decidedByUserID = user.id
        difficulty.decidedAt = now
        difficulty.state = step.to
        try await ProjectWorkflows.difficulty.apply(step, to: difficulty, from: from, by: AuditActor(user), reason: reason,
                                                    on: db, at: now) { tx in
            if let project = try await Project.find(difficulty.projectID, on: tx) {
                let owners = try await Representation.userIDs(of: project.organizationID, on: tx)
                try await Notifier.notify(userIDs: owners.filter { $0 != user.id }, messageKey: "notification.difficulty_decided",
                                          arguments: [difficulty.title, deadline], link: "difficulties/\(difficultyID)",
                                          on: tx, catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
            }
        }
    }

    /// Escalates to the observatory every decided difficulty whose deadline has passed (before `now`'s day).
    /// Run by `shabaka projects escalate` and by the server's worker every few minutes, never by a page view:
    /// pages show such a difficulty as overdue (``Difficulty/isOverdue(on:)``) until the worker has run.
    @discardableResult
    public static func escalateOverdue(on db: any Database, now: Date, messaging: Messaging) async throws -> Int {
        let today = ISODate.string(now)
        let overdue = try await Difficulty.query(on: db).filter(\.$state == .decided)
            .filter(\.$decisionDeadline < today).all()
        for difficulty in overdue {
            try await db.transaction { tx in
                // Claim the row: another request may have resolved or escalated it meanwhile.
                do {
                    try await WorkflowGuard.claim(Difficulty.schema, id: try difficulty.requireID(),
                                                  state: DifficultyState.decided.rawValue, on: tx)
                } catch WorkflowError.changedMeanwhile { return }
                guard let current = try await Difficulty.find(difficulty.id, on: tx) else { return }
                current.state = .escalated
                try await current.save(on: tx)
                try await WorkflowStep.record(workflow: "difficulty", subjectID: try current.requireID(), action: "escalate",
                                              from: DifficultyState.decided.rawValue, to: DifficultyState.escalated.rawValue,
                                              actor: .system, reason: nil, on: tx, at: now)
                try await notify(current, key: "notification.difficulty_escalated", roles: [.coordinator, .admin],
                                 except: nil, on: tx, messaging: messaging, now: now)
            }
        }
        return overdue.count
    }

    static func notify(
        _ difficulty: Difficulty, key: String, roles: [Role], except: UUID?, on db: any Database, messaging: Messaging, now: Date
    ) async throws {
        let users = try await Notifier.users(withAnyOf: roles, on: db).filter { $0 != except }
        try await Notifier.notify(userIDs: users, messageKey: key, arguments: [difficulty.title],
                                  link: "difficulties/\(try difficulty.requireID())", on: db, catalog: messaging.catalog,
                                  baseURL: messaging.baseURL, at: now)
    }
}
