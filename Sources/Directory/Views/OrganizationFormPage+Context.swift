import Fluent
import Platform
import Vapor

/// The page that registers an organisation or edits its profile.
struct OrganizationFormContext: Encodable {
    let page: PageMeta
    let heading: String
    let intro: String
    let action: String
    let submit: String
    let form: FormState
    /// Empty when the kind is not the reader's to change (a representative editing).
    let kinds: [ChoiceOption]
    let wilayas: [ChoiceOption]
    let domains: [ChoiceOption]
    /// The registrant's role; empty when editing.
    let roles: [ChoiceOption]

    /// The registration form, as posted (or empty).
    static func registration(_ form: FormState, _ req: Request) async throws -> OrganizationFormContext {
        let kinds = OrganizationRegistration.registrableKinds.map {
            ChoiceOption(value: $0.rawValue, label: req.t("organization.kind." + $0.rawValue),
                         selected: $0.rawValue == form.values["kind"])
        }
        return OrganizationFormContext(
            page: try await PageMeta.make(for: req, titleKey: "organization.register.title"),
            heading: req.t("organization.register.title"), intro: req.t("organization.register.intro"),
            action: DirectorySiteURL.organizations.path(in: req.language), submit: req.t("organization.register.submit"),
            form: form.grouping("domains"), kinds: kinds, wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: Set(form.values["domains"]?.split(separator: ",").map(String.init) ?? [])),
            roles: ChoiceOption.cases(RepresentativeRole.self, key: "representative.role",
                                      selected: form.values["representative_role"] ?? "president", req))
    }

    /// The edit form: the organisation's profile, or the form as posted.
    static func edit(_ organization: Organization, form posted: FormState?, _ req: Request) async throws
        -> OrganizationFormContext
    {
        let staff = req.currentUser?.may(.manageOrganizations) == true
        var form = posted ?? FormState.empty
        if posted == nil { form = try await current(organization, on: req.db) }
        let name = organization.name.resolve(in: req.language).text
        return OrganizationFormContext(
            page: try await PageMeta.make(for: req, titleKey: "organization.edit.title", name),
            heading: req.t("organization.edit.title", name), intro: req.t("organization.edit.intro"),
            action: DirectorySiteURL.organizations.path(in: req.language) + "/" + organization.slug,
            submit: req.t("organization.edit.submit"), form: form.grouping("domains"),
            kinds: staff ? ChoiceOption.cases(OrganizationKind.self, key: "organization.kind",
                                              selected: form.values["kind"], req) : [],
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: Set(form.values["domains"]?.split(separator: ",").map(String.init) ?? [])),
            roles: [])
    }

    /// The stored profile as form values (the names the form posts).
    static func current(_ organization: Organization, on db: any Database) async throws -> FormState {
        let domains = try await OrganizationDomain.query(on: db).filter(\.$organizationID == organization.requireID())
            .all().map(\.domainCode)
        var values: [String: String] = [
            "kind": organization.kind.rawValue, "acronym": organization.acronym ?? "",
            "accreditation_number": organization.accreditationNumber ?? "",
            "accreditation_date": organization.accreditationDate ?? "", "wilaya_code": organization.wilayaCode ?? "",
            "commune": organization.commune ?? "", "address": organization.address ?? "", "email": organization.email ?? "",
            "phone": organization.phone ?? "", "website": organization.website ?? "",
            "founded_on": organization.foundedOn ?? "", "domains": domains.joined(separator: ","),
        ]
        for language in SiteLanguage.allCases {
            values["name_" + language.rawValue] = organization.name.value(in: language) ?? ""
            values["description_" + language.rawValue] = organization.summary.value(in: language) ?? ""
        }
        return FormState(values: values, errors: [:])
    }
}
