import Agreements
import Directory
import Fluent
import Platform
import Vapor

public enum CooperationService {
    static let partnerKinds: Set<OrganizationKind> = [.internationalOrganization, .network, .academicInstitution]

    public static func link(_ input: CooperationInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> CooperationLink
    {
        guard user.may(.manageAgreements) else { throw PlatformError.forbidden(permission: .manageAgreements) }
        var errors: [FieldError] = []
        let link = CooperationLink()
        if let id = input.partnerID {
            guard let partner = try await Organization.find(id, on: db), partnerKinds.contains(partner.kind) else {
                throw ProjectsError.notAPartner
            }
            link.partnerID = id
        } else { errors.append(FieldError("partner_id", "validation.required")) }
        if input.projectID == nil, input.agreementID == nil { errors.append(FieldError("project_id", "validation.project_or_agreement")) }
        if let id = input.projectID, try await Project.find(id, on: db) == nil {
            errors.append(FieldError("project_id", "validation.invalid_choice"))
        }
        if let id = input.agreementID, try await Agreement.find(id, on: db) == nil {
            errors.append(FieldError("agreement_id", "validation.invalid_choice"))
        }
        link.projectID = input.projectID
        link.agreementID = input.agreementID
        link.nature = Validate.choice(input.nature, field: "nature", as: CooperationNature.self, into: &errors) ?? .technical
        link.summary = Validate.text(input.description, field: "description", max: 2000, into: &errors)
        link.since = Validate.date(input.since, field: "since", into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await db.transaction { tx in
            try await link.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "cooperation.linked", subjectType: "organization",
                                      subjectID: link.partnerID.uuidString, details: ["nature": link.nature.rawValue], at: now)
        }
        return link
    }
}
