import Directory
import Fluent
import Platform
import Vapor

/// The fields of a draft project made from an accepted proposal or a funded election project
/// (`participation/project-fields`): the form (prefixed `project-`), the associations that may carry it (the
/// network's active members), the domains and the wilayas (the source's chosen unless the form says otherwise).
struct ProjectFieldsView: Encodable {
    let form: FormState
    let organizations: [ChoiceOption]
    let domains: [ChoiceOption]
    let wilayas: [ChoiceOption]

    static func carriers(selected: String?, _ req: Request) async throws -> [ChoiceOption] {
        let members = try await NetworkMembership.query(on: req.db).filter(\.$state == .active).all().map(\.memberID)
        let carriers = try await Organization.query(on: req.db).filter(\.$id ~~ members).sort(\.$sortName).all()
        return ChoiceOption.records(carriers, label: \.name, selected: selected, req)
    }

    static func make(_ form: FormState, organizations: [ChoiceOption]? = nil, domain: String?, wilaya: String?,
                     _ req: Request)
        async throws -> ProjectFieldsView
    {
        let choices = if let organizations { organizations } else {
            try await carriers(selected: form.values["organization_id"], req)
        }
        return ProjectFieldsView(
            form: form.prefixed("project-"), organizations: choices,
            domains: try await Options.domains(req, selected: [form.values["domain_code"] ?? domain ?? ""]),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"] ?? wilaya))
    }
}
