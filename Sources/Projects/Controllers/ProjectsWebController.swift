import Directory
import Fluent
import Platform
import Vapor

/// Project pages: the list, a new project, one project with its whole follow-up (reports, difficulties,
/// evaluations, pledges, cooperation) and the forms for each step.
struct ProjectsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.projects.pathComponents, use: list)
        routes.get(ProjectsSiteURL.newProject.pathComponents, use: newForm)
        routes.post(ProjectsSiteURL.projects.pathComponents, use: create)
        let one = ProjectsSiteURL.projects.pathComponents + [":project"]
        routes.get(one, use: show)
        routes.get(one + ["edit"], use: editForm)
        routes.post(one + ["edit"], use: update)
        routes.post(one + ["transitions"], use: transition)
        routes.post(one + ["reports"], use: fileReport)
        routes.post(one + ["difficulties"], use: reportDifficulty)
        routes.post(one + ["evaluations"], use: evaluate)
        routes.get(ProjectsSiteURL.evaluations.pathComponents, use: evaluations)
    }

    // MARK: new project

    @Sendable func newForm(req: Request) async throws -> Response {
        try await renderNew(req, form: .empty)
    }

    func renderNew(_ req: Request, form: FormState, editing project: Project? = nil, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try req.require(.submitProjects)
        let organizations = try await Representation.verifiedOrganizations(of: user.id, on: req.db)
        let selected = form.values["organization_id"]
        return try await req.render("projects/new", NewContext(
            page: try await PageMeta.make(for: req, titleKey: project == nil ? "projects.new" : "projects.edit",
                                          project?.title.resolve(in: req.language).text ?? ""),
            form: form,
            action: project.map { ProjectsSiteURL.projects.path(in: req.language) + "/" + $0.slug + "/edit" }
                ?? ProjectsSiteURL.projects.path(in: req.language),
            editing: project != nil,
            organizations: ChoiceOption.records(organizations, label: \.name, selected: selected, req),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            domains: try await Options.domains(req, selected: Set([form.values["domain_code"]].compactMap { $0 }))),
            status: status)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (input, unread) = try req.form(ProjectForm.self).input(in: req.language)
        return try await req.submitting {
            // Problems of the typed numbers and of every other field are all reported at once.
            guard unread.isEmpty else {
                throw ValidationFailure(unread + (try await ProjectService.validate(input, on: req.db)).1)
            }
            let project = try await ProjectService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        } refused: { form in
            try await renderNew(req, form: form)
        }
    }

    // MARK: a draft corrected

    @Sendable func editForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ProjectsPolicy.requireOwner(user, of: project.organizationID, on: req.db)
        guard project.state == .draft else { throw ProjectsError.notADraft }
        let language = req.language
        var values = [
            "organization_id": project.organizationID.uuidString, "beneficiaries": project.beneficiaries,
            "partners": project.partners, "domain_code": project.domainCode, "wilaya_code": project.wilayaCode,
            "budget_minor": Self.units(project.budgetMinor), "starts_on": project.startsOn, "ends_on": project.endsOn,
            "expected_jobs": "\(project.expectedJobs)",
            "summary": project.summary.value(in: language) ?? "", "social_need": project.socialNeed.value(in: language) ?? "",
        ]
        for (code, text) in [("ar", project.title.ar), ("fr", project.title.fr), ("en", project.title.en)] {
            values["title_" + code] = text ?? ""
        }
        values["funding"] = project.funding.map { "\($0.source): \(Self.units($0.amountMinor))" }.joined(separator: "\n")
        return try await renderNew(req, form: FormState(values: values, errors: [:]), editing: project)
    }

    /// An amount in minor units as the form takes it back (currency units).
    static func units(_ minor: Int64) -> String {
        minor % 100 == 0 ? "\(minor / 100)" : String(format: "%.2f", Double(minor) / 100)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        let (input, unread) = try req.form(ProjectForm.self).input(in: req.language)
        return try await req.submitting {
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            try await ProjectService.update(project, with: input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        } refused: { form in
            try await renderNew(req, form: form, editing: project)
        }
    }

    // MARK: one project

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, forms: ProjectPageForms())
    }

    func renderShow(_ req: Request, forms: ProjectPageForms, status: HTTPResponseStatus = .ok) async throws -> Response {
        let project = try await ProjectsAPIController.find(req)
        return try await req.render("projects/show", try await ProjectPageContext.make(project, forms: forms, req),
                                    status: status)
    }

    func backToProject(_ req: Request, _ project: Project, anchor: String = "") -> Response {
        req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug + anchor)
    }

    @Sendable func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        let step = try req.form(StepForm.self)
        let confirmation = StepConfirmation(subject: project.title.resolve(in: req.language).text,
                                            back: ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug,
                                            optionalReason: true)
        return try await req.takingStep(ProjectWorkflows.project, from: project.state, form: step,
                                        confirmation: confirmation) {
            try await ProjectService.transition(project, action: step.action ?? "", reason: step.reason, by: user,
                                                on: req.db, now: req.now, catalog: req.application.catalog,
                                                baseURL: req.application.shabakaConfig.baseURL)
            return backToProject(req, project)
        } refused: { form in
            try await renderShow(req, forms: ProjectPageForms(step: .init(action: step.action ?? "", form: form)))
        }
    }
}
