import Directory
import Fluent
import Platform
import Vapor

public enum ProjectService {
    static let currencies: Set<String> = ["DZD", "EUR", "USD"]
    /// The largest amount accepted, in minor units (a thousand billion).
    static let maxMinor: Int64 = NumberRange.moneyMinor.upperBound

    /// Checks every field at once and returns all the problems.
    static func validate(_ input: ProjectInput, on db: any Database) async throws -> (Project, [FieldError]) {
        var errors: [FieldError] = []
        let project = Project()
        project.title = Validate.translated(input.title, field: "title", max: 200, into: &errors)
        project.summary = Validate.translated(input.summary, field: "summary", max: 2000, into: &errors)
        project.socialNeed = Validate.translated(input.socialNeed, field: "social_need", max: 2000, into: &errors)
        project.beneficiaries = Validate.text(input.beneficiaries, field: "beneficiaries", max: 500, into: &errors)
        project.partners = Validate.text(input.partners, field: "partners", max: 1000, required: false, into: &errors)
        if let organizationID = input.organizationID {
            if let organization = try await Organization.find(organizationID, on: db) {
                project.organizationID = organizationID
                if organization.kind != .association && organization.kind != .network {
                    errors.append(FieldError("organization_id", "validation.invalid_choice"))
                } else if organization.kind == .association, try await NetworkMembership.query(on: db)
                    .filter(\.$memberID == organizationID).filter(\.$state == .active).count() == 0 {
                    errors.append(FieldError("organization_id", "validation.not_a_member"))
                }
            } else { errors.append(FieldError("organization_id", "validation.invalid_choice")) }
        } else { errors.append(FieldError("organization_id", "validation.required")) }
        let domain = (input.domainCode ?? "").trimmingCharacters(in: .whitespaces)
        if domain.isEmpty { errors.append(FieldError("domain_code", "validation.required")) }
        else if try await Domain.find(domain, on: db) == nil { errors.append(FieldError("domain_code", "validation.invalid_choice")) }
        project.domainCode = domain
        let wilaya = (input.wilayaCode ?? "").trimmingCharacters(in: .whitespaces)
        if wilaya.isEmpty { errors.append(FieldError("wilaya_code", "validation.required")) }
        else if try await Wilaya.find(wilaya, on: db) == nil { errors.append(FieldError("wilaya_code", "validation.invalid_choice")) }
        project.wilayaCode = wilaya
        project.budgetMinor = Validate.number(input.budgetMinor, field: "budget_minor", range: 0...maxMinor, into: &errors)
        project.currency = (input.currency ?? "DZD").uppercased()
        if !currencies.contains(project.currency) { errors.append(FieldError("currency", "validation.invalid_choice")) }
        let funding = input.funding ?? []
        for (index, source) in funding.enumerated() {
            if source.source.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.append(FieldError("funding.\(index).source", "validation.required"))
            }
            if !(0...maxMinor).contains(source.amountMinor) {
                errors.append(FieldError("funding.\(index).amount_minor", "validation.range", "0", "\(maxMinor)"))
            }
        }
        if funding.count > 20 { errors.append(FieldError("funding", "validation.too_many", "20")) }
        if funding.prefix(20).reduce(Int64(0), { $0 + min(max(0, $1.amountMinor), maxMinor) }) > project.budgetMinor {
            errors.append(FieldError("funding", "validation.funding_exceeds_budget"))
        }
        project.funding = funding
        project.startsOn = Validate.date(input.startsOn, field: "starts_on", into: &errors)
        project.endsOn = Validate.date(input.endsOn, field: "ends_on", into: &errors)
        if let start = ISODate.parse(project.startsOn), let end = ISODate.parse(project.endsOn), end < start {
            errors.append(FieldError("ends_on", "validation.end_before_start"))
        }
        project.expectedJobs = Validate.number(input.expectedJobs, field: "expected_jobs", range: 0...100_000, into: &errors)
        let slug = (input.slug ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !slug.isEmpty {
            if slug.count < 3 || slug.count > 80 || !slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                errors.append(FieldError("slug", "validation.slug"))
            } else if try await Project.query(on: db).filter(\.$slug == slug).count() > 0 {
                errors.append(FieldError("slug", "validation.slug_taken"))
            }
        }
        project.slug = slug.isEmpty ? "project-" + UUID().uuidString.prefix(8).lowercased() : slug
        return (project, errors)
    }

    /// Files a new project as a draft for an organisation the user represents.
    public static func create(_ input: ProjectInput, by user: CurrentUser, on db: any Database, now: Date) async throws -> Project {
        let project = try await checkedDraft(input, by: user, on: db)
        try await db.transaction { tx in try await record(project, by: user, on: tx, now: now) }
        return project
    }

    /// Files a new project as a draft inside the caller's transaction, remembering where it came from (a proposal
    /// accepted in a participatory process): the caller's other writes and this one land together.
    public static func createDraft(_ input: ProjectInput, origin: (kind: String, id: UUID, title: String),
                                   by user: CurrentUser, inTransaction tx: any Database, now: Date) async throws -> Project {
        let project = try await checkedDraft(input, by: user, on: tx)
        project.originKind = origin.kind
        project.originID = origin.id
        project.originTitle = origin.title
        try await record(project, by: user, on: tx, now: now)
        return project
    }

    private static func checkedDraft(_ input: ProjectInput, by user: CurrentUser, on db: any Database) async throws -> Project {
        guard user.may(.submitProjects) || user.may(.reviewProjects) else {
            throw PlatformError.forbidden(permission: .submitProjects)
        }
        let (project, errors) = try await validate(input, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: db)
        project.state = .draft
        project.createdBy = user.id
        return project
    }

    private static func record(_ project: Project, by user: CurrentUser, on tx: any Database, now: Date) async throws {
        try await project.create(on: tx)
        try await WorkflowStep.record(workflow: "project", subjectID: try project.requireID(), action: "create", from: nil,
                                      to: ProjectState.draft.rawValue, actor: AuditActor(user), reason: nil, on: tx, at: now)
    }

    /// Takes one step of the project's procedure; an association acts only for its own projects.
    public static func transition(
        _ project: Project, action: String, reason: String?, by user: CurrentUser, on db: any Database, now: Date,
        catalog: Catalog, baseURL: String
    ) async throws {
        let from = project.state
        // A project is evaluated by recording its final evaluation, never by a bare step.
        if action == "evaluate" { throw ProjectsError.evaluationRequired }
        let step = try ProjectWorkflows.project.check(action: action, from: from, user: user, reason: reason)
        if ProjectWorkflows.ownerActions.contains(step.action), !user.may(.reviewProjects) {
            try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: db)
        }
        project.state = step.to
        try await ProjectWorkflows.project.apply(step, to: project, from: from, by: AuditActor(user), reason: reason,
                                                 on: db, at: now) { tx in
            let staff = step.action == "submit" ? try await Notifier.users(withAnyOf: [.coordinator, .reviewer], on: tx) : []
            let owners = try await Representation.userIDs(of: project.organizationID, on: tx)
            try await Notifier.notify(
                userIDs: Array(Set(staff + owners)).filter { $0 != user.id }, messageKey: "notification.project_" + step.to.rawValue,
                arguments: [], localized: [project.title], link: "projects/\(project.slug)",
                on: tx, catalog: catalog, baseURL: baseURL, at: now)
        }
    }
}
