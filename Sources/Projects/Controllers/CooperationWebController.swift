import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// International cooperation: every partner linked to a project or an agreement, and (coordinators) the form to
/// link one.
struct CooperationWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.cooperation.pathComponents, use: page)
        routes.post(ProjectsSiteURL.cooperation.pathComponents, use: link)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req, form: .empty)
    }

    func render(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let pageQuery = try PageQuery(from: req)
        let (links, total) = try await WorkQueries.cooperation(page: pageQuery, on: req.db)
        let dtos = try await CooperationDTO.list(links, on: req.db)
        let projects = try await Project.query(on: req.db).sort(\.$slug).all()
        let agreements = try await Agreement.query(on: req.db).sort(\.$slug).all()
        let projectByID = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project) } })
        let agreementByID = Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in agreement.id.map { ($0, agreement) } })
        let canLink = req.currentUser?.may(.manageAgreements) == true
        var partners: [Organization] = []
        if canLink {
            partners = try await Organization.query(on: req.db).filter(\.$verification == .verified)
                .filter(\.$kind ~~ Array(CooperationService.partnerKinds)).sort(\.$sortName).all()
        }
        let lines = dtos.map { link -> Line in
            if let id = link.projectID, let project = projectByID[id] {
                return Line(id: link.id.uuidString, partner: LocalizedText(link.partner, in: req.language),
                            target: LocalizedText(project.title, in: req.language),
                            targetLink: ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug,
                            nature: link.nature, description: link.description, since: link.since)
            }
            let agreement = link.agreementID.flatMap { agreementByID[$0] }
            return Line(id: link.id.uuidString, partner: LocalizedText(link.partner, in: req.language),
                        target: LocalizedText(agreement?.title ?? Translated(), in: req.language),
                        targetLink: AgreementsSiteURL.agreements.path(in: req.language) + "/" + (agreement?.slug ?? ""),
                        nature: link.nature, description: link.description, since: link.since)
        }
        return try await req.render("projects/cooperation", Context(
            page: try await PageMeta.make(for: req, titleKey: "cooperation.title"), links: lines,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: [:]), canLink: canLink,
            partners: ChoiceOption.records(partners, label: \.name, selected: form.values["partner_id"], req),
            projects: ChoiceOption.records(projects, label: \.title, selected: form.values["project_id"], req),
            agreements: ChoiceOption.records(agreements, label: \.title, selected: form.values["agreement_id"], req),
            natures: ChoiceOption.cases(CooperationNature.self, key: "cooperation.nature", selected: form.values["nature"], req),
            form: form), status: status)
    }

    @Sendable func link(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.form(CooperationForm.self).input
        return try await req.submitting {
            _ = try await CooperationService.link(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.cooperation.path(in: req.language))
        } refused: { form in
            try await render(req, form: form)
        }
    }
}
