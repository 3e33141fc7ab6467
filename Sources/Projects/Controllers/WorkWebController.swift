import Directory
import Fluent
import Platform
import Vapor

/// The network's difficulties board and one difficulty's procedure; expertise requests with ranked experts.
struct WorkWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.difficulties.pathComponents, use: board)
        let difficulty = ProjectsSiteURL.difficulties.pathComponents + [":id"]
        routes.get(difficulty, use: showDifficulty)
        routes.post(difficulty + ["transitions"], use: stepDifficulty)
        routes.post(difficulty + ["solutions"], use: propose)
        routes.post(difficulty + ["decision"], use: decide)
        routes.get(ProjectsSiteURL.expertise.pathComponents, use: expertiseList)
        routes.post(ProjectsSiteURL.expertise.pathComponents, use: requestExpertise)
        let request = ProjectsSiteURL.expertise.pathComponents + [":id"]
        routes.get(request, use: showExpertise)
        routes.post(request + ["transitions"], use: stepExpertise)
    }

    // MARK: board

    struct BoardLine: Encodable {
        let id: String
        let title: String
        let category: String
        let severity: String
        let state: String
        let project: LocalizedText
        let projectSlug: String
        let wilaya: String
        let age: Int
        let deadline: String?
        let overdue: Bool
    }

    struct BoardContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let categories: [ChoiceOption]
        let states: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let ages: [ChoiceOption]
        let difficulties: [BoardLine]
        let total: Int
        let pagination: PaginationView
    }

    @Sendable func board(req: Request) async throws -> Response {
        let filter = try await DifficultyBoardFilter.from(req)
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await DifficultyService.board(filter, viewer: req.currentUser, page: pageQuery,
                                                                   on: req.db, now: req.now)
        let reference = try await req.referenceData()
        let lines = rows.map {
            BoardLine(id: $0.id.uuidString, title: $0.title, category: $0.category, severity: $0.severity, state: $0.state,
                      project: LocalizedText($0.projectTitle, in: req.language), projectSlug: $0.projectSlug,
                      wilaya: reference.wilaya($0.wilayaCode)?.name(in: req.language) ?? $0.wilayaCode, age: $0.ageDays,
                      deadline: $0.deadline, overdue: $0.overdue)
        }
        let age = filter.olderThanDays.map(String.init)
        return try await req.render("projects/difficulties", BoardContext(
            page: try await PageMeta.make(for: req, titleKey: "difficulties.title"), filter: filter.parameters,
            categories: Choices.enumeration(DifficultyCategory.self, key: "difficulty.category", req,
                                            selected: filter.category?.rawValue),
            states: Choices.enumeration(DifficultyState.self, key: "workflow.difficulty.state", req,
                                        selected: filter.state?.rawValue),
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            ages: [7, 30, 90].map { ChoiceOption(value: "\($0)", label: req.t("difficulties.older_than", "\($0)"), selected: "\($0)" == age) },
            difficulties: lines, total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters)))
    }

    // MARK: one difficulty

    struct SolutionLine: Encodable {
        let id: String
        let description: String
        let cost: String
        let days: Int
        let proposer: String
        let chosen: Bool
    }

    struct DifficultyContext: Encodable {
        let page: PageMeta
        let difficulty: DifficultyDTO
        let project: LocalizedText
        let solutions: [SolutionLine]
        let actions: [String]
        let canPropose: Bool
        let canDecide: Bool
        let formName: String
        let form: FormState
        let today: String
        let procedure: [ProcedureLine]
    }

    @Sendable func showDifficulty(req: Request) async throws -> Response {
        try await renderDifficulty(req, formName: "", form: .empty)
    }

    func renderDifficulty(_ req: Request, formName: String, form: FormState, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        let difficulty = try await WorkAPIController.findDifficulty(req)
        let dto = try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
        let project = try await Project.find(difficulty.projectID, on: req.db)
        let user = req.currentUser
        let actions = user.map { ProjectWorkflows.difficulty.actions(from: difficulty.state, for: $0).map(\.action) } ?? []
        let currency = project?.currency ?? "DZD"
        return try await req.render("projects/difficulty", DifficultyContext(
            page: try await PageMeta.make(for: req, titleKey: "difficulties.show_title", difficulty.title), difficulty: dto,
            project: LocalizedText(project?.title ?? Translated(), in: req.language),
            solutions: dto.solutions.map {
                SolutionLine(id: $0.id.uuidString, description: $0.description, cost: Choices.money($0.costMinor, currency, req),
                             days: $0.durationDays, proposer: $0.proposer, chosen: $0.chosen)
            },
            actions: actions.filter { $0 != "decide" },
            canPropose: user?.may(.proposeSolutions) == true && [.diagnosed, .escalated].contains(difficulty.state),
            canDecide: actions.contains("decide") && !dto.solutions.isEmpty, formName: formName, form: form,
            today: ISODate.string(req.now), procedure: ProcedureLine.lines(ProjectWorkflows.difficulty, req)), status: status)
    }

    func backToDifficulty(_ req: Request, _ difficulty: Difficulty) throws -> Response {
        req.seeOther(ProjectsSiteURL.difficulties.path(in: req.language) + "/" + (try difficulty.requireID()).uuidString)
    }

    @Sendable func stepDifficulty(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await WorkAPIController.findDifficulty(req)
        let action = req.formField("action")
        do {
            try await DifficultyService.step(difficulty, action: action, text: req.formField("reason"), by: user, on: req.db,
                                             now: req.now, messaging: req.messaging)
        } catch let failure as ValidationFailure {
            let errors = failure.fieldErrors.map { $0.renamed($0.field == "cause" ? "reason" : $0.field) }
            return try await renderDifficulty(req, formName: action,
                                              form: ProjectsWebController.formState(req, ["reason"], errors),
                                              status: .unprocessableEntity)
        } catch WorkflowError.reasonRequired {
            return try await renderDifficulty(
                req, formName: action,
                form: ProjectsWebController.formState(req, ["reason"], [FieldError("reason", "validation.required")]),
                status: .unprocessableEntity)
        }
        return try backToDifficulty(req, difficulty)
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await WorkAPIController.findDifficulty(req)
        var errors: [FieldError] = []
        var input = SolutionInput()
        input.description = req.formField("description")
        input.costMinor = FormNumbers.minor(req.formField("cost"), field: "cost", into: &errors)
        input.durationDays = FormNumbers.integer(req.formField("duration_days"), field: "duration_days", into: &errors)
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors + DifficultyService.validate(input).1) }
            _ = try await DifficultyService.propose(input, for: difficulty, by: user, on: req.db, now: req.now)
        } catch let failure as ValidationFailure {
            let renamed = failure.fieldErrors.map { $0.renamed($0.field == "cost_minor" ? "cost" : $0.field) }
            return try await renderDifficulty(req, formName: "propose",
                                              form: ProjectsWebController.formState(req, ["description", "cost", "duration_days"], renamed),
                                              status: .unprocessableEntity)
        }
        return try backToDifficulty(req, difficulty)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await WorkAPIController.findDifficulty(req)
        var input = DecisionInput()
        input.solutionID = UUID(uuidString: req.formField("solution_id"))
        input.reason = req.formField("reason")
        input.owner = req.formField("owner")
        input.deadline = req.formField("deadline")
        do {
            try await DifficultyService.decide(input, for: difficulty, by: user, on: req.db, now: req.now, messaging: req.messaging)
        } catch let failure as ValidationFailure {
            return try await renderDifficulty(
                req, formName: "decide",
                form: ProjectsWebController.formState(req, ["solution_id", "reason", "owner", "deadline"], failure.fieldErrors),
                status: .unprocessableEntity)
        } catch WorkflowError.reasonRequired {
            return try await renderDifficulty(
                req, formName: "decide",
                form: ProjectsWebController.formState(req, ["solution_id", "reason", "owner", "deadline"],
                                                      [FieldError("reason", "validation.required")]),
                status: .unprocessableEntity)
        }
        return try backToDifficulty(req, difficulty)
    }

    // MARK: expertise

    struct ExpertiseLine: Encodable {
        let id: String
        let subject: String
        let domain: String
        let state: String
        let requestedAt: Date
    }

    struct ExpertiseListContext: Encodable {
        let page: PageMeta
        let requests: [ExpertiseLine]
        let pagination: PaginationView
        let canRequest: Bool
        let organizations: [ChoiceOption]
        let domains: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let languages: [ChoiceOption]
        let form: FormState
    }

    @Sendable func expertiseList(req: Request) async throws -> Response {
        try await renderExpertiseList(req, form: .empty)
    }

    func renderExpertiseList(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let reference = try await req.referenceData()
        let names = Dictionary(uniqueKeysWithValues: reference.domains.map { ($0.code, $0.name.resolve(in: req.language).text) })
        let pageQuery = try PageQuery(from: req)
        let state = try WorkQueries.expertiseState(req)
        let (requests, total) = try await WorkQueries.expertise(state: state, viewer: user, page: pageQuery, on: req.db)
        let organizations = try await Representation.organizations(of: user.id, on: req.db)
        return try await req.render("projects/expertise-list", ExpertiseListContext(
            page: try await PageMeta.make(for: req, titleKey: "expertise.title"),
            requests: requests.compactMap { request in
                request.id.map { ExpertiseLine(id: $0.uuidString, subject: request.subject,
                                               domain: names[request.domainCode] ?? request.domainCode,
                                               state: request.state.rawValue, requestedAt: request.requestedAt) }
            },
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path,
                                       query: ["state": state?.rawValue ?? ""]),
            canRequest: user.may(.requestExpertise) && !organizations.isEmpty,
            organizations: organizations.compactMap { organization in
                organization.id.map { ChoiceOption(value: $0.uuidString, label: organization.name.resolve(in: req.language).text,
                                             selected: $0.uuidString == form.values["organization_id"]) }
            },
            domains: try await Options.domains(req, selected: Set([form.values["domain_code"]].compactMap { $0 })),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            languages: ["ar", "fr", "en", "tzm"].map {
                ChoiceOption(value: $0, label: req.t("person.language." + $0), selected: $0 == (form.values["language"] ?? req.language.rawValue))
            },
            form: form), status: status)
    }

    @Sendable func requestExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var input = ExpertiseInput()
        input.organizationID = UUID(uuidString: req.formField("organization_id"))
        input.domainCode = req.formField("domain_code")
        input.wilayaCode = req.formField("wilaya_code")
        input.language = req.formField("language")
        input.subject = req.formField("subject")
        input.description = req.formField("description")
        do {
            let request = try await ExpertiseService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.expertise.path(in: req.language) + "/" + (try request.requireID()).uuidString)
        } catch let failure as ValidationFailure {
            let fields = ["organization_id", "domain_code", "wilaya_code", "language", "subject", "description"]
            return try await renderExpertiseList(req, form: ProjectsWebController.formState(req, fields, failure.fieldErrors),
                                                 status: .unprocessableEntity)
        }
    }

    struct MatchLine: Encodable {
        let id: String
        let name: String
        let score: Int
        let reasons: [String]
        let assigned: Bool
    }

    struct ExpertiseContext: Encodable {
        let page: PageMeta
        let request: ExpertiseRequest.View
        let matches: [MatchLine]
        let actions: [String]
        let canAssign: Bool
        let history: [WorkflowStepView]
    }

    @Sendable func showExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await WorkAPIController.findExpertise(req)
        try await WorkAPIController.requireReader(req, of: request)
        let reference = try await req.referenceData()
        let domainName = { (code: String) in reference.domains.first { $0.code == code }?.name.resolve(in: req.language).text ?? code }
        let matches = try await ExpertiseService.matches(for: request, on: req.db)
        let lines = matches.map { match in
            MatchLine(id: match.candidate.id.uuidString, name: match.candidate.name, score: match.score,
                      reasons: match.reasons.map { reason in
                          let argument: String
                          switch reason.code {
                          case "domain", "related_domain": argument = domainName(reason.argument)
                          case "wilaya": argument = reference.wilaya(reason.argument)?.name(in: req.language) ?? reason.argument
                          case "language": argument = req.t("person.language." + reason.argument)
                          default: argument = ""
                          }
                          return req.t("expertise.reason." + reason.code, argument, "\(reason.points)")
                      }, assigned: match.candidate.id == request.expertID)
        }
        let actions = ProjectWorkflows.expertise.actions(from: request.state, for: user).map(\.action)
        return try await req.render("projects/expertise", ExpertiseContext(
            page: try await PageMeta.make(for: req, titleKey: "expertise.show_title", request.subject),
            request: ExpertiseRequest.View(request, domain: domainName(request.domainCode),
                                           wilaya: reference.wilaya(request.wilayaCode)?.name(in: req.language),
                                           language: req.t("person.language." + request.language)),
            matches: lines, actions: actions.filter { $0 != "assign" }, canAssign: actions.contains("assign"),
            history: try await WorkflowStep.history(workflow: "expertise", subjectID: request.requireID(), on: req.db)
                .map(WorkflowStepView.init)))
    }

    @Sendable func stepExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await WorkAPIController.findExpertise(req)
        let rating = req.formField("rating").isEmpty ? nil : Int(req.formField("rating")) ?? 0
        try await ExpertiseService.step(request, action: req.formField("action"), reason: req.formField("reason"),
                                        expertID: UUID(uuidString: req.formField("expert_id")), rating: rating, by: user,
                                        on: req.db, now: req.now, messaging: req.messaging)
        return req.seeOther(ProjectsSiteURL.expertise.path(in: req.language) + "/" + (try request.requireID()).uuidString)
    }
}

extension ExpertiseRequest {
    struct View: Encodable {
        let id: String
        let subject: String
        let description: String
        let domain: String
        let wilaya: String?
        let language: String
        let state: String
        let feedback: String?
        let rating: Int?

        init(_ request: ExpertiseRequest, domain: String, wilaya: String?, language: String) {
            id = request.id?.uuidString ?? ""
            subject = request.subject
            description = request.details
            self.domain = domain
            self.wilaya = wilaya
            self.language = language
            state = request.state.rawValue
            feedback = request.feedback
            rating = request.rating
        }
    }
}
