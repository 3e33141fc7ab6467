import Fluent
import Platform
import Vapor

/// The membership procedure in the browser: apply, review with the checklist, decide, and act on memberships.
struct MembershipWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectorySiteURL.membershipApply.pathComponents, use: applyForm)
        routes.post(DirectorySiteURL.membershipApply.pathComponents, use: apply)
        routes.get(DirectorySiteURL.membershipApplications.pathComponents, use: list)
        let one = DirectorySiteURL.membershipApplications.pathComponents + [":id"]
        routes.get(one, use: show)
        routes.post(one + ["transitions"], use: transition)
        routes.post(one + ["checklist"], use: checklist)
        routes.post(DirectorySiteURL.memberships.pathComponents + [":id", "transitions"], use: transitionMembership)
    }

    @Sendable func applyForm(req: Request) async throws -> Response {
        let user = try req.require(.applyForMembership)
        let preselected = req.query[String.self, at: "organization"]
        return try await renderApply(req, user: user, form: FormState(values: ["organization_id": preselected ?? ""],
                                                                      errors: [:]), domains: [])
    }

    @Sendable func apply(req: Request) async throws -> Response {
        let user = try req.require(.applyForMembership)
        let input = try req.form(ApplicationForm.self).input
        do {
            let application = try await MembershipService.apply(input, by: user, req.service)
            return req.seeOther(DirectorySiteURL.membershipApplications.path(in: req.language) + "/"
                                + (try application.requireID()).uuidString + "?submitted=1")
        } catch let error as any ShabakaError where error.status != .forbidden {
            let message = req.application.catalog.sentence(error.messageKey, in: req.language,
                                                       arguments: error.localizedArguments { req.t($0) })
            let form = FormState(posted: req, fieldErrors: error.fieldErrors, message: message)
            return try await renderApply(req, user: user, form: form, domains: Set(input.domains ?? []),
                                         status: error.status)
        }
    }

    private func renderApply(
        _ req: Request, user: CurrentUser, form: FormState, domains: Set<String>, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let represented = (user.may(.manageOrganizations)
            ? try await Organization.query(on: req.db).filter(\.$kind ~~ MembershipRules.admittedKinds)
                .filter(\.$verification == .verified).sort(\.$sortName).limit(200).all()
            : try await Representation.verifiedOrganizations(of: user.id, on: req.db))
            .filter { MembershipRules.admits($0.kind) }
        let networks = try await Organization.query(on: req.db).filter(\.$kind == .network)
            .filter(\.$verification == .verified).sort(\.$sortName).all()
        func options(_ list: [Organization], _ field: String) -> [ChoiceOption] {
            ChoiceOption.records(list, label: \.name, selected: form.values[field], req)
        }
        let context = ApplyContext(
            page: try await PageMeta.make(for: req, titleKey: "membership.apply.title"), form: form.grouping("domains"),
            organizations: options(represented, "organization_id"), networks: options(networks, "network_id"),
            domains: try await Options.domains(req, selected: domains))
        return try await req.render("directory/apply", context, status: status)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pageRequest = try PageQuery(from: req)
        let state = try ApplicationQuery.state(req)
        let (applications, total) = try await ApplicationQuery.page(state: state, viewer: user, page: pageRequest,
                                                                    on: req.db)
        let organizations = try await Organization.query(on: req.db).filter(\.$id ~~ applications.map(\.organizationID)).all()
        let names = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { ($0, org.name) } })
        let rows = applications.map { application in
            ListRow(id: application.id?.uuidString ?? "",
                    organization: LocalizedText(names[application.organizationID] ?? Translated(), in: req.language),
                    state: application.state.rawValue, submittedAt: application.createdAt)
        }
        let context = ListContext(page: try await PageMeta.make(for: req, titleKey: "membership.applications.title"),
                                  applications: rows,
                                  pagination: PaginationView(request: pageRequest, total: total, path: req.url.path,
                                                             query: ["state": state?.rawValue ?? ""]))
        return try await req.render("directory/applications", context)
    }
}
