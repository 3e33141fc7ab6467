import Directory
import Fluent
import Platform
import Vapor

/// The network's difficulties board and one difficulty's procedure: diagnosis, solutions, decision, resolution.
struct DifficultiesWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.difficulties.pathComponents, use: board)
        let difficulty = ProjectsSiteURL.difficulties.pathComponents + [":id"]
        routes.get(difficulty, use: show)
        routes.post(difficulty + ["transitions"], use: step)
        routes.post(difficulty + ["solutions"], use: propose)
        routes.post(difficulty + ["decision"], use: decide)
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
            categories: ChoiceOption.cases(DifficultyCategory.self, key: "difficulty.category",
                                            selected: filter.category?.rawValue, req),
            states: ChoiceOption.cases(DifficultyState.self, key: "workflow.difficulty.state",
                                        selected: filter.state?.rawValue, req),
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            ages: [7, 30, 90].map { ChoiceOption(value: "\($0)", label: req.tn("difficulties.older_than", $0), selected: "\($0)" == age) },
            difficulties: lines, total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters)))
    }

    static func difficulty(_ req: Request) async throws -> Difficulty {
        try await req.find(Difficulty.self, id: "id", orElse: ProjectsError.difficultyNotFound)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, forms: DifficultyPageForms())
    }

    func render(_ req: Request, forms: DifficultyPageForms, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = try await DifficultyPageContext.make(try await Self.difficulty(req), forms: forms, req)
        return try await req.render("projects/difficulty", context, status: status)
    }

    func back(_ req: Request, _ difficulty: Difficulty) throws -> Response {
        req.seeOther(ProjectsSiteURL.difficulties.path(in: req.language) + "/" + (try difficulty.requireID()).uuidString)
    }

    /// `diagnose` (the cause in `reason`), `resolve`, `escalate`.
    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await Self.difficulty(req)
        let form = try req.form(StepForm.self)
        let action = form.action ?? ""
        let confirmation = StepConfirmation(
            subject: difficulty.title,
            back: ProjectsSiteURL.difficulties.path(in: req.language) + "/" + (try difficulty.requireID()).uuidString,
            reasonKey: "difficulty.step_text." + action)
        return try await req.takingStep(ProjectWorkflows.difficulty, from: difficulty.state, form: form,
                                        confirmation: confirmation) {
            try await DifficultyService.step(difficulty, action: action, text: form.reason, by: user,
                                             on: req.db, now: req.now, messaging: req.messaging)
            return try back(req, difficulty)
        } refused: { state in
            try await render(req, forms: DifficultyPageForms(step: .init(action: action, form: state)))
        }
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await Self.difficulty(req)
        return try await req.submitting {
            let input = try req.input(SolutionForm.self) { DifficultyService.validate($0).1 }
            _ = try await DifficultyService.propose(input, for: difficulty, by: user, on: req.db, now: req.now)
            return try back(req, difficulty)
        } refused: { form in
            try await render(req, forms: DifficultyPageForms(propose: form))
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await Self.difficulty(req)
        let input = try req.form(DecisionForm.self).input
        return try await req.submitting {
            try await DifficultyService.decide(input, for: difficulty, by: user, on: req.db, now: req.now,
                                               messaging: req.messaging)
            return try back(req, difficulty)
        } refused: { form in
            try await render(req, forms: DifficultyPageForms(decide: form))
        }
    }
}
