import Fluent
import Platform
import Vapor

/// The membership procedure: applications, review against the checklist, decisions, and memberships
/// that can be suspended, reactivated or terminated — every step recorded, audited and notified.
public enum MembershipService {
    static let workflowApplication = MembershipWorkflows.application
    static let workflowMembership = MembershipWorkflows.membership

    public static func apply(_ input: ApplicationInput, by user: CurrentUser, _ context: ServiceContext) async throws
        -> MembershipApplication
    {
        try user.require(.applyForMembership)
        let db = context.db
        var errors: [FieldError] = []
        if input.networkID == nil { errors.append(FieldError("network_id", "validation.required")) }
        if input.organizationID == nil { errors.append(FieldError("organization_id", "validation.required")) }
        if let error = Validate.lengthError(input.motivation, field: "motivation", min: 30, max: 4000) { errors.append(error) }
        if let error = Validate.lengthError(input.references, field: "references", min: 10, max: 2000) { errors.append(error) }
        if let error = ISODate.check(input.accreditationDate, field: "accreditation_date", notAfter: context.now) {
            errors.append(error)
        }
        let domains = Array(Set(input.domains ?? [])).sorted()
        if domains.isEmpty { errors.append(FieldError("domains", "validation.choose_one")) }
        let known = try await Domain.query(on: db).filter(\.$id ~~ domains).count()
        if known != domains.count { errors.append(FieldError("domains", "validation.invalid_choice")) }
        var organization: Organization?
        if let id = input.organizationID {
            organization = try await Organization.find(id, on: db)
            if organization == nil { errors.append(FieldError("organization_id", "validation.invalid_choice")) }
        }
        if let organization, !MembershipRules.admits(organization.kind) {
            errors.append(FieldError("organization_id", "validation.kind_not_admitted"))
        }
        if organization?.kind == .association, Validate.trimmed(input.accreditationNumber) == nil {
            errors.append(FieldError("accreditation_number", "validation.required"))
        }
        guard errors.isEmpty, let organization, let networkID = input.networkID else {
            throw ValidationFailure(errors)
        }
        guard let network = try await Organization.find(networkID, on: db), network.kind == .network,
              network.id != organization.id else { throw DirectoryError.notANetwork }
        let organizationID = try organization.requireID()
        try OrganizationPolicy.requireVerified(organization)
        if !user.may(.manageOrganizations) {
            guard try await Representation.represents(userID: user.id, organizationID: organizationID, on: db) else {
                throw DirectoryError.notRepresentative
            }
        }
        try await ensureCanApply(networkID: networkID, organizationID: organizationID, on: db)

        let application = MembershipApplication()
        application.networkID = networkID
        application.organizationID = organizationID
        application.applicantUserID = user.id
        application.state = .submitted
        application.motivation = input.motivation!.trimmingCharacters(in: .whitespacesAndNewlines)
        application.accreditationNumber = Validate.trimmed(input.accreditationNumber)
        application.accreditationDate = Validate.trimmed(input.accreditationDate)
        application.domains = domains.joined(separator: ",")
        application.references = input.references!.trimmingCharacters(in: .whitespacesAndNewlines)
        application.checklist = [:]
        try await db.transaction { tx in
            try await application.create(on: tx)
            let id = try application.requireID()
            try await WorkflowStep.record(workflow: "application", subjectID: id, action: "submit", from: nil,
                                          to: ApplicationState.submitted.rawValue, actor: AuditActor(user), reason: nil,
                                          on: tx, at: context.now)
            let staff = try await Notifier.users(withAnyOf: [.reviewer, .coordinator], on: tx)
            try await notify(staff, "notification.application_submitted", [organization.name.resolve(in: .ar).text],
                             application: id, context.on(tx))
        }
        return application
    }

    /// A new application is possible once earlier ones are closed and the organisation is not a member.
    static func ensureCanApply(networkID: UUID, organizationID: UUID, on db: any Database) async throws {
        let open = try await MembershipApplication.query(on: db).filter(\.$networkID == networkID)
            .filter(\.$organizationID == organizationID).filter(\.$state ~~ [.submitted, .underReview]).count()
        guard open == 0 else { throw DirectoryError.applicationAlreadyOpen }
        let member = try await NetworkMembership.query(on: db).filter(\.$networkID == networkID)
            .filter(\.$memberID == organizationID).filter(\.$state ~~ [.active, .suspended]).count()
        guard member == 0 else { throw DirectoryError.alreadyMember }
    }

    /// Records the reviewer's checklist answers (only while the application is under review).
    public static func recordChecklist(
        applicationID: UUID, answers: [String: Bool], note: String?, by user: CurrentUser, _ context: ServiceContext
    ) async throws -> MembershipApplication {
        try user.require(.reviewMembership)
        guard let application = try await MembershipApplication.find(applicationID, on: context.db) else {
            throw DirectoryError.applicationNotFound
        }
        guard application.state == .underReview else { throw DirectoryError.checklistClosed }
        let unknown = answers.keys.filter { !MembershipChecklist.items.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationFailure(unknown.sorted().map { FieldError("checklist." + $0, "validation.invalid_choice") })
        }
        application.checklist = Dictionary(uniqueKeysWithValues: MembershipChecklist.items.map { ($0, answers[$0] ?? false) })
        application.checklistNote = Validate.trimmed(note)
        try await context.db.transaction { tx in
            try await application.save(on: tx)
            let satisfied = application.checklist.filter(\.value).keys.sorted().joined(separator: ",")
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "application.checklist_recorded",
                                      subjectType: "application", subjectID: applicationID.uuidString,
                                      details: ["satisfied": satisfied], at: context.now)
        }
        return application
    }
}
