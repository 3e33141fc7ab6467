import Fluent
import Platform
import Vapor

public enum OrganizationService {

    /// Field errors for an input; `creating` requires the fields a new organisation must have.
    static func validate(_ input: OrganizationInput, creating: Bool, reference: ReferenceSets, now: Date) -> [FieldError] {
        var errors: [FieldError] = []
        if creating || input.slug != nil {
            let slug = input.slug ?? ""
            if slug.isEmpty {
                errors.append(FieldError("slug", "validation.required"))
            } else if !Slug.isValid(slug)
                        || slug.hasPrefix("-") || slug.hasSuffix("-") {
                errors.append(FieldError("slug", "validation.slug"))
            }
        }
        if creating || input.kind != nil, OrganizationKind(rawValue: input.kind ?? "") == nil {
            errors.append(FieldError("kind", input.kind == nil ? "validation.required" : "validation.invalid_choice"))
        }
        if creating || input.name != nil {
            let name = input.name ?? Translated()
            if SiteLanguage.allCases.allSatisfy({ name.value(in: $0) == nil }) {
                errors.append(FieldError("name", "validation.name_one_language"))
            }
            for language in SiteLanguage.allCases where (name.value(in: language)?.count ?? 0) > 300 {
                errors.append(FieldError("name.\(language.rawValue)", "validation.too_long", "300"))
            }
        }
        if let code = input.wilayaCode, !code.isEmpty, !reference.wilayas.contains(code) {
            errors.append(FieldError("wilaya_code", "validation.invalid_choice"))
        }
        for domain in input.domains ?? [] where !reference.domains.contains(domain) {
            errors.append(FieldError("domains", "validation.invalid_choice"))
            break
        }
        errors += [
            ISODate.check(input.accreditationDate, field: "accreditation_date", notAfter: now),
            ISODate.check(input.foundedOn, field: "founded_on", notAfter: now),
            Validate.emailError(input.email, field: "email"), Validate.urlError(input.website, field: "website"),
            Validate.lengthError(input.phone, field: "phone", max: 40), Validate.lengthError(input.acronym, field: "acronym", max: 30),
            Validate.lengthError(input.commune, field: "commune", max: 120), Validate.lengthError(input.address, field: "address", max: 300),
            Validate.lengthError(input.accreditationNumber, field: "accreditation_number", max: 60),
        ].compactMap { $0 }
        return errors
    }

    static func apply(_ input: OrganizationInput, to organization: Organization) {
        if let slug = input.slug { organization.slug = slug }
        if let kind = input.kind.flatMap(OrganizationKind.init(rawValue:)) { organization.kind = kind }
        if let name = input.name { organization.name = name }
        if let description = input.description { organization.summary = description }
        if organization.$summary.value == nil { organization.summary = Translated() }
        if let value = input.acronym { organization.acronym = Validate.trimmed(value) }
        if let value = input.accreditationNumber { organization.accreditationNumber = Validate.trimmed(value) }
        if let value = input.accreditationDate { organization.accreditationDate = Validate.trimmed(value) }
        if let value = input.wilayaCode { organization.wilayaCode = Validate.trimmed(value) }
        if let value = input.commune { organization.commune = Validate.trimmed(value) }
        if let value = input.address { organization.address = Validate.trimmed(value) }
        if let value = input.email { organization.email = Validate.trimmed(value)?.lowercased() }
        if let value = input.phone { organization.phone = Validate.trimmed(value) }
        if let value = input.website { organization.website = Validate.trimmed(value) }
        if let value = input.foundedOn { organization.foundedOn = Validate.trimmed(value) }
        organization.sortName = OrganizationSearchIndex.sortName(of: organization)
    }

    /// Saves a new organisation with its domains and search terms, audited; call inside a transaction. One
    /// registered by a person (`registeredBy`) waits for verification.
    static func insert(_ input: OrganizationInput, actor: AuditActor, registeredBy: UUID? = nil, on db: any Database,
                       now: Date) async throws -> Organization
    {
        let organization = Organization()
        apply(input, to: organization)
        organization.verification = registeredBy == nil ? .verified : .pending
        organization.registeredByUserID = registeredBy
        try await organization.create(on: db)
        try await replaceDomains(of: organization, with: input.domains ?? [], on: db)
        try await OrganizationSearchIndex.reindex(organization, on: db)
        try await AuditLog.record(on: db, actor: actor, action: "organization.created", subjectType: "organization",
                                  subjectID: try organization.requireID().uuidString, details: ["slug": organization.slug],
                                  at: now)
        return organization
    }

    public static func create(_ input: OrganizationInput, actor: AuditActor, on db: any Database, now: Date) async throws
        -> Organization
    {
        var errors = validate(input, creating: true, reference: try await .load(on: db), now: now)
        if let slug = input.slug, try await Organization.query(on: db).filter(\.$slug == slug).count() > 0 {
            errors.append(FieldError("slug", "validation.slug_taken"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await db.transaction { tx in try await insert(input, actor: actor, on: tx, now: now) }
    }

    /// An update by a person: staff, or the organisation's representatives, who change neither its address (slug)
    /// nor its kind.
    public static func update(_ organization: Organization, with input: OrganizationInput, by user: CurrentUser,
                              on db: any Database, now: Date) async throws {
        try await OrganizationPolicy.requireActing(for: organization, user, on: db)
        if !user.may(.manageOrganizations) {
            let changed = [("slug", input.slug.map { $0 != organization.slug }),
                           ("kind", input.kind.map { $0 != organization.kind.rawValue })]
            let staffOnly = changed.filter { $0.1 == true }.map { FieldError($0.0, "validation.staff_only") }
            guard staffOnly.isEmpty else { throw ValidationFailure(staffOnly) }
        }
        try await update(organization, with: input, actor: AuditActor(user), on: db, now: now)
    }

    public static func update(_ organization: Organization, with input: OrganizationInput, actor: AuditActor,
                              on db: any Database, now: Date) async throws {
        var errors = validate(input, creating: false, reference: try await .load(on: db), now: now)
        if let slug = input.slug, slug != organization.slug,
           try await Organization.query(on: db).filter(\.$slug == slug).count() > 0 {
            errors.append(FieldError("slug", "validation.slug_taken"))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        apply(input, to: organization)
        try await db.transaction { tx in
            try await organization.save(on: tx)
            if let domains = input.domains { try await replaceDomains(of: organization, with: domains, on: tx) }
            try await OrganizationSearchIndex.reindex(organization, on: tx)
            try await AuditLog.record(on: tx, actor: actor, action: "organization.updated", subjectType: "organization",
                                      subjectID: try organization.requireID().uuidString,
                                      details: ["fields": input.providedFields.joined(separator: ",")], at: now)
        }
    }

    static func replaceDomains(of organization: Organization, with codes: [String], on db: any Database) async throws {
        let id = try organization.requireID()
        try await OrganizationDomain.query(on: db).filter(\.$organizationID == id).delete()
        for code in Set(codes).sorted() {
            try await OrganizationDomain(organizationID: id, domainCode: code).create(on: db)
        }
    }
}
