import Directory
import Fluent
import Platform
import Vapor

public enum ExpertiseService {
    static let languages: Set<String> = ["ar", "fr", "en", "tzm"]

    public static func create(_ input: ExpertiseInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> ExpertiseRequest
    {
        guard user.may(.requestExpertise) || user.may(.assignExpertise) else {
            throw PlatformError.forbidden(permission: .requestExpertise)
        }
        var errors: [FieldError] = []
        let request = ExpertiseRequest()
        if let id = input.organizationID, try await Organization.find(id, on: db) != nil { request.organizationID = id }
        else { errors.append(FieldError("organization_id", input.organizationID == nil ? "validation.required" : "validation.invalid_choice")) }
        var project: Project?
        if let id = input.projectID {
            project = try await Project.find(id, on: db)
            if project == nil || project?.organizationID != input.organizationID {
                errors.append(FieldError("project_id", "validation.invalid_choice"))
            }
            request.projectID = id
        }
        let domain = input.domainCode ?? ""
        if domain.isEmpty { errors.append(FieldError("domain_code", "validation.required")) }
        else if try await Domain.find(domain, on: db) == nil { errors.append(FieldError("domain_code", "validation.invalid_choice")) }
        request.domainCode = domain
        if let wilaya = input.wilayaCode, !wilaya.isEmpty {
            if try await Wilaya.find(wilaya, on: db) == nil { errors.append(FieldError("wilaya_code", "validation.invalid_choice")) }
            request.wilayaCode = wilaya
        } else if let id = input.organizationID {
            // No wilaya given: experts near the project (or the association) rank higher.
            if let project { request.wilayaCode = project.wilayaCode }
            else { request.wilayaCode = try await Organization.find(id, on: db)?.wilayaCode }
        }
        let language = input.language ?? ""
        if !languages.contains(language) {
            errors.append(FieldError("language", language.isEmpty ? "validation.required" : "validation.invalid_choice"))
        }
        request.language = language
        request.subject = Validate.text(input.subject, field: "subject", max: 200, into: &errors)
        request.details = Validate.text(input.description, field: "description", max: 4000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await ProjectsPolicy.requireRepresentative(user, of: request.organizationID, unless: .assignExpertise, on: db)
        request.state = .open
        request.requestedBy = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        request.requestedByUserID = user.id
        request.requestedAt = now
        try await db.transaction { tx in
            try await request.create(on: tx)
            try await WorkflowStep.record(workflow: "expertise", subjectID: try request.requireID(), action: "request", from: nil,
                                          to: ExpertiseRequestState.open.rawValue, actor: AuditActor(user), reason: nil,
                                          on: tx, at: now)
        }
        return request
    }

    /// Experts who consented to a public profile and are not erased, ranked for the request.
    public static func matches(for request: ExpertiseRequest, on db: any Database) async throws -> [ExpertMatcher.Match] {
        let people = try await Person.query(on: db).filter(\.$kind ~~ [.expert, .academic, .specialist])
            .filter(\.$isPublic == true).filter(\.$erasedAt == nil).all()
        let ids = people.compactMap(\.id)
        let expertise = ids.isEmpty ? [] : try await PersonExpertise.query(on: db).filter(\.$personID ~~ ids).all()
        let fields = Dictionary(grouping: expertise, by: \.personID).mapValues { Set($0.map(\.domainCode)) }
        let candidates = people.compactMap { person in
            person.id.map {
                ExpertMatcher.Candidate(id: $0, name: person.displayName, domains: fields[$0] ?? [], wilayaCode: person.wilayaCode,
                                        languages: Set(person.languageList), availability: person.availability.rawValue)
            }
        }
        return ExpertMatcher.rank(.init(domain: request.domainCode, wilayaCode: request.wilayaCode, language: request.language),
                                  among: candidates)
    }

    /// `assign` (with `expert_id`), `complete` (the association's feedback, optional rating 1–5) or `cancel`.
    public static func step(
        _ request: ExpertiseRequest, action: String, reason: String?, expertID: UUID?, rating: Int?, by user: CurrentUser,
        on db: any Database, now: Date, messaging: Messaging
    ) async throws {
        let from = request.state
        let step = try ProjectWorkflows.expertise.check(action: action, from: from, user: user, reason: reason)
        if action != "assign" {
            try await ProjectsPolicy.requireRepresentative(user, of: request.organizationID, unless: .assignExpertise, on: db)
        }
        var notifyExpert: UUID?
        if action == "assign" {
            guard let expertID else { throw ValidationFailure([FieldError("expert_id", "validation.required")]) }
            guard try await matches(for: request, on: db).contains(where: { $0.candidate.id == expertID }),
                  let person = try await Person.find(expertID, on: db) else {
                throw ValidationFailure([FieldError("expert_id", "validation.invalid_choice")])
            }
            request.expertID = expertID
            notifyExpert = person.userID
        }
        if (reason ?? "").count > 4000 { throw ValidationFailure([FieldError("reason", "validation.too_long", "4000")]) }
        if action == "complete" {
            if let rating, !(1...5).contains(rating) {
                throw ValidationFailure([FieldError("rating", "validation.range", "1", "5")])
            }
            request.feedback = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            request.rating = rating
        }
        request.state = step.to
        let expertAccount = notifyExpert
        try await ProjectWorkflows.expertise.apply(step, to: request, from: from, by: AuditActor(user), reason: reason,
                                                   on: db, at: now) { tx in
            if let expertAccount {
                try await Notifier.notify(userIDs: [expertAccount], messageKey: "notification.expertise_assigned",
                                          arguments: [request.subject], link: "expertise/\(try request.requireID())", on: tx,
                                          catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
            }
        }
    }
}
