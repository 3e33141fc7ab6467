import Directory
import Fluent
import Platform
import Vapor

/// The CSR page: each company's fulfilment, the pledges, and the forms to pledge (a company's representatives),
/// confirm or cancel (coordinators) and record deliveries.
struct CSRWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.csr.pathComponents, use: page)
        routes.post(ProjectsSiteURL.csr.pathComponents, use: pledge)
        routes.post(ProjectsSiteURL.csr.pathComponents + [":id", "transitions"], use: transition)
        routes.post(ProjectsSiteURL.csr.pathComponents + [":id", "deliveries"], use: deliver)
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await render(req)
    }

    /// The page, with the pledge form as posted (`pledgeForm`), or the delivery or the step just refused on one
    /// pledge.
    func render(_ req: Request, pledgeForm form: FormState = .empty, delivery: (pledge: UUID, form: FormState)? = nil,
                step: (pledge: UUID, sent: WorkflowStepForms.Sent)? = nil,
                status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = req.currentUser
        let pageQuery = try PageQuery(from: req)
        let companiesPage = try PageQuery(from: req, parameter: "companies_page")
        let company = try await WorkQueries.pledgeCompany(req)
        let (companies, companyTotal) = try await CSRService.fulfilment(page: companiesPage, on: req.db)
        let (pledges, total) = try await WorkQueries.pledges(company: company, page: pageQuery, on: req.db)
        let organizations = try await Organization.query(on: req.db).filter(\.$id ~~ Set(pledges.map(\.companyID))).all()
        let names = Dictionary(uniqueKeysWithValues: organizations.compactMap { org in org.id.map { ($0, org.name) } })
        let projects = try await Project.query(on: req.db).filter(\.$id ~~ Set(pledges.compactMap(\.projectID))).all()
        let titles = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project.title) } })
        var pledgeCompanies: [Organization] = []
        if let user {
            let mine = try await Representation.verifiedOrganizations(of: user.id, on: req.db).filter { $0.kind == .company }
            pledgeCompanies = user.may(.manageCSR)
                ? try await Organization.query(on: req.db).filter(\.$kind == .company)
                    .filter(\.$verification == .verified).sort(\.$sortName).all()
                : (user.may(.pledgeCSR) ? mine : [])
        }
        let open = try await Project.query(on: req.db).filter(\.$state ~~ Array(DifficultyService.openStates))
            .sort(\.$slug).all()
        return try await req.render("projects/csr", Context(
            page: try await PageMeta.make(for: req, titleKey: "csr.title"),
            companies: companies.map {
                CompanyLine(id: $0.companyID.uuidString, currency: $0.currency, company: LocalizedText($0.company, in: req.language), pledges: $0.pledges,
                            pledged: Choices.money($0.pledgedMinor, $0.currency, req),
                            delivered: Choices.money($0.deliveredMinor, $0.currency, req),
                            fulfilment: $0.fulfilment, bar: SafeNumber.percent($0.fulfilment / 100) ?? 0)
            },
            pledges: pledges.map { pledge in
                let id = pledge.id?.uuidString ?? ""
                let actions = user.map { ProjectWorkflows.pledge.actions(from: pledge.state, for: $0).map(\.action) } ?? []
                return PledgeRow(id: id,
                          company: LocalizedText(names[pledge.companyID] ?? Translated(), in: req.language),
                          project: pledge.projectID.flatMap { titles[$0] }.map { LocalizedText($0, in: req.language) },
                          kind: pledge.kind.rawValue, description: pledge.details,
                          value: Choices.money(pledge.valueMinor, pledge.currency, req),
                          fulfilment: (pledge.fulfilment * 10).rounded() / 10, state: pledge.state.rawValue,
                          actions: actions,
                          steps: .make(ProjectWorkflows.pledge, actions: actions,
                                       url: ProjectsSiteURL.csr.path(in: req.language) + "/" + id + "/transitions",
                                       id: "pledge-" + id, sent: step?.pledge == pledge.id ? step?.sent : nil,
                                       style: .init(optionalReason: true, inline: true), csrf: req.formCSRF, req),
                          canDeliver: pledge.state == .confirmed && user?.may(.manageCSR) == true,
                          delivery: (delivery?.pledge == pledge.id ? delivery?.form ?? .empty : .empty)
                              .prefixed("delivery-" + id + "-"))
            },
            companiesPagination: PaginationView(request: companiesPage, total: companyTotal,
                                                path: ProjectsSiteURL.csr.path(in: req.language),
                                                query: ["company": req.query[String.self, at: "company"] ?? ""],
                                                parameter: "companies_page"),
            pagination: PaginationView(request: pageQuery, total: total, path: ProjectsSiteURL.csr.path(in: req.language),
                                       query: ["company": req.query[String.self, at: "company"] ?? ""]),
            pledgeCompanies: ChoiceOption.records(pledgeCompanies, label: \.name, selected: form.values["company_id"], req),
            projects: ChoiceOption.records(open, label: \.title, selected: form.values["project_id"], req),
            kinds: ChoiceOption.cases(PledgeKind.self, key: "pledge.kind", selected: form.values["kind"], req),
            pledgeForm: form.prefixed("pledge-"), today: ISODate.string(req.now)), status: status)
    }

    func back(_ req: Request) -> Response {
        req.seeOther(ProjectsSiteURL.csr.path(in: req.language))
    }

    @Sendable func pledge(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await req.submitting {
            let input = try req.input(PledgeForm.self) { CSRService.validate($0, now: req.now).1 }
            _ = try await CSRService.pledge(input, by: user, on: req.db, now: req.now)
            return back(req)
        } refused: { form in
            try await render(req, pledgeForm: form)
        }
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pledge = try await req.find(CSRPledge.self, id: "id", orElse: ProjectsError.pledgeNotFound)
        let form = try req.form(StepForm.self)
        let company = try await Organization.find(pledge.companyID, on: req.db)
        let confirmation = StepConfirmation(
            subject: (company?.name.resolve(in: req.language).text ?? "") + " — " + pledge.details,
            back: ProjectsSiteURL.csr.path(in: req.language) + "#pledge-" + (try pledge.requireID()).uuidString,
            optionalReason: true)
        return try await req.takingStep(ProjectWorkflows.pledge, from: pledge.state, form: form,
                                        confirmation: confirmation) {
            try await CSRService.transition(pledge, action: form.action ?? "", reason: form.reason ?? "", by: user,
                                            on: req.db, now: req.now)
            return back(req)
        } refused: { state in
            try await render(req, step: (try pledge.requireID(), .init(action: form.action ?? "", form: state)))
        }
    }

    @Sendable func deliver(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pledge = try await req.find(CSRPledge.self, id: "id", orElse: ProjectsError.pledgeNotFound)
        return try await req.submitting {
            let input = try req.input(DeliveryForm.self)
            do {
                _ = try await CSRService.deliver(input, to: pledge, by: user, on: req.db, now: req.now)
            } catch ProjectsError.deliveryExceedsPledge {
                throw ValidationFailure(ProjectsError.deliveryExceedsPledge.fieldErrors)
            }
            return back(req)
        } refused: { form in
            try await render(req, delivery: (try pledge.requireID(), form))
        }
    }
}
