import Fluent
import Platform
import Vapor

/// A person registers an organisation they belong to; it waits until the network's staff verify it.
public enum OrganizationRegistration {
    /// The kinds a person may register. Networks, the observatory and international organisations are added by
    /// staff.
    public static let registrableKinds: [OrganizationKind] = [.association, .company, .academicInstitution,
                                                              .publicInstitution]

    /// Field errors a registration has beyond an organisation's own: an allowed kind, a wilaya, at least one
    /// domain, an association's accreditation, the registrant's role.
    static func validate(_ input: OrganizationInput, role: String?) -> [FieldError] {
        var errors: [FieldError] = []
        if let kind = input.kind.flatMap(OrganizationKind.init(rawValue:)), !registrableKinds.contains(kind) {
            errors.append(FieldError("kind", "validation.invalid_choice"))
        }
        if (input.wilayaCode ?? "").isEmpty { errors.append(FieldError("wilaya_code", "validation.required")) }
        if (input.domains ?? []).isEmpty { errors.append(FieldError("domains", "validation.choose_one")) }
        if input.kind == OrganizationKind.association.rawValue {
            if Validate.trimmed(input.accreditationNumber) == nil {
                errors.append(FieldError("accreditation_number", "validation.required"))
            }
            if Validate.trimmed(input.accreditationDate) == nil {
                errors.append(FieldError("accreditation_date", "validation.required"))
            }
        }
        if RepresentativeRole(rawValue: role ?? "") == nil {
            errors.append(FieldError("representative_role", role == nil ? "validation.required" : "validation.invalid_choice"))
        }
        return errors
    }

    /// Registers the organisation, pending verification; the registrant represents it from now on (with `role`)
    /// and the staff who verify organisations are told.
    public static func register(_ input: OrganizationInput, role: String?, by user: CurrentUser,
                                _ context: ServiceContext) async throws -> Organization {
        try user.require(.registerOrganizations)
        var input = input
        let db = context.db
        if Validate.trimmed(input.slug) == nil {
            let base = Slug.make(from: [input.name?.fr, input.name?.en], fallback: "organization")
            input.slug = try await freeSlug(base, on: db)
        }
        var errors = OrganizationService.validate(input, creating: true, reference: try await .load(on: db),
                                                  now: context.now)
        errors += validate(input, role: role)
        if let slug = input.slug, try await Organization.query(on: db).filter(\.$slug == slug).count() > 0 {
            errors.append(FieldError("slug", "validation.slug_taken"))
        }
        guard errors.isEmpty, let role = RepresentativeRole(rawValue: role ?? "") else { throw ValidationFailure(errors) }
        guard let account = try await User.find(user.id, on: db) else { throw PlatformError.signInRequired }
        let actor = AuditActor(user)
        let checked = input
        return try await db.transaction { tx in
            let organization = try await OrganizationService.insert(checked, actor: actor, registeredBy: user.id, on: tx,
                                                                    now: context.now)
            let id = try organization.requireID()
            try await Representation.link(account, to: id, as: role, actor: actor, on: tx, now: context.now)
            try await WorkflowStep.record(workflow: OrganizationWorkflows.verification.name, subjectID: id,
                                          action: "register", from: nil, to: OrganizationVerification.pending.rawValue,
                                          actor: actor, reason: nil, on: tx, at: context.now)
            let staff = try await Notifier.users(withAnyOf: AccessPolicy.roles(granting: .manageOrganizations), on: tx)
            try await context.on(tx).notify(staff.filter { $0 != user.id }, "notification.organization_registered",
                                            localized: [organization.name], link: "organizations/" + organization.slug)
            return organization
        }
    }

    /// `verify` or `reject` (staff, with the reason to correct), `resubmit` (its representatives, after correcting).
    public static func transition(_ organization: Organization, action: String, reason: String?, by user: CurrentUser,
                                  _ context: ServiceContext) async throws {
        let from = organization.verification
        let step = try OrganizationWorkflows.verification.check(action: action, from: from, user: user, reason: reason)
        if step.action == "resubmit" { try await OrganizationPolicy.requireActing(for: organization, user, on: context.db) }
        organization.verification = step.to
        if step.to == .rejected { organization.verificationNote = Validate.trimmed(reason) }
        if step.to == .verified { organization.verificationNote = nil }
        let id = try organization.requireID()
        try await OrganizationWorkflows.verification.apply(step, to: organization, from: from, by: AuditActor(user),
                                                           reason: reason, on: context.db, at: context.now,
                                                           column: "verification") { tx in
            // The public directory follows the feed: a verified organisation joins it.
            try await OrganizationSearchIndex.reindex(organization, on: tx)
            let link = "organizations/" + organization.slug
            if step.action == "resubmit" {
                let staff = try await Notifier.users(withAnyOf: AccessPolicy.roles(granting: .manageOrganizations), on: tx)
                try await context.on(tx).notify(staff, "notification.organization_registered",
                                                localized: [organization.name], link: link)
            } else {
                let representatives = try await Representation.userIDs(of: id, on: tx)
                try await context.on(tx).notify(representatives, "notification.organization_" + step.to.rawValue,
                                                arguments: [Validate.trimmed(reason) ?? ""], localized: [organization.name],
                                                link: link)
            }
        }
    }

    /// `base`, or `base-2`, `base-3`… whichever is not taken yet.
    static func freeSlug(_ base: String, on db: any Database) async throws -> String {
        let taken = Set(try await Organization.query(on: db).filter(\.$slug =~ base).all().map(\.slug))
        if !taken.contains(base) { return base }
        return (2...).lazy.map { "\(base)-\($0)" }.first { !taken.contains($0) } ?? base
    }
}
