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
                                        languages: Set(person.languageList), availability: person.availability.rawValue,
                                        sex: person.sex)
            }
        }
        return ExpertMatcher.rank(.init(domain: request.domainCode, wilayaCode: request.wilayaCode, language: request.language),
                                  among: candidates)
    }
}
