import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/projects…`, `/api/v1/evaluations`.
struct ProjectsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let projects = routes.grouped("api", "v1", "projects")
        projects.get(use: list)
        projects.post(use: create)
        projects.get(":project", use: show)
        projects.patch(":project", use: update)
        projects.post(":project", "transitions", use: transition)
        projects.get(":project", "reports", use: reports)
        projects.post(":project", "reports", use: fileReport)
        projects.post(":project", "difficulties", use: reportDifficulty)
        projects.post(":project", "evaluations", use: evaluate)
        routes.get("api", "v1", "evaluations", use: evaluations)
        routes.get("api", "v1", "indicators", ":id", "feed", use: feed)
        routes.put("api", "v1", "indicators", ":id", "feed", use: setFeed)
    }

    static func indicator(_ req: Request) async throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self), try await Indicator.find(id, on: req.db) != nil else {
            throw AgreementsError.indicatorNotFound
        }
        return id
    }

    /// Which figure of the follow-up reports measures this indicator (none: measured by hand).
    @Sendable func feed(req: Request) async throws -> FeedAnswer {
        let id = try await Self.indicator(req)
        return FeedAnswer(indicatorID: id, metric: try await IndicatorFeed.query(on: req.db).filter(\.$indicatorID == id)
            .first()?.metric.rawValue)
    }

    /// Sets (`{"metric": "jobs_created"}`) or removes (`{"metric": null}`) the feed; setting it recomputes the
    /// indicator for every period that has reports.
    @Sendable func setFeed(req: Request) async throws -> FeedAnswer {
        let user = try req.require(.manageAgreements)
        let id = try await Self.indicator(req)
        let input = try req.content.decode(FeedInput.self)
        var metric: ReportMetric?
        if let raw = input.metric {
            guard let value = ReportMetric(rawValue: raw) else {
                throw ValidationFailure([FieldError("metric", "validation.invalid_choice")])
            }
            metric = value
        }
        try await ReportService.setFeed(indicatorID: id, metric: metric, by: user, on: req.db, now: req.now)
        return FeedAnswer(indicatorID: id, metric: metric?.rawValue)
    }

    /// A project by id or slug, if the viewer may see it (a draft is its association's own business).
    static func find(_ req: Request) async throws -> Project {
        let project = try await req.find(Project.self, "project", orElse: ProjectsError.projectNotFound)
        try await ProjectsPolicy.requireVisible(project, to: req.currentUser, on: req.db)
        return project
    }

    @Sendable func list(req: Request) async throws -> Paged<ProjectRow> {
        let filter = try await ProjectFilter.from(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await filter.page(page, viewer: req.currentUser, on: req.db)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(ProjectInput.self)
        let project = try await ProjectService.create(input, by: user, on: req.db, now: req.now)
        let response = try await ProjectDTO.load(project, on: req.db, now: req.now, reader: req.reader)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/projects/\(try project.requireID())")
        return response
    }

    @Sendable func show(req: Request) async throws -> ProjectDTO {
        try await ProjectDTO.load(try await Self.find(req), on: req.db, now: req.now, reader: req.reader)
    }

    /// A draft corrected by its association: the fields given replace the current ones.
    @Sendable func update(req: Request) async throws -> ProjectDTO {
        let user = try req.requireUser()
        let project = try await Self.find(req)
        try await ProjectService.update(project, with: try req.content.decode(ProjectInput.self), by: user, on: req.db,
                                        now: req.now)
        return try await ProjectDTO.load(project, on: req.db, now: req.now, reader: req.reader)
    }

    @Sendable func transition(req: Request) async throws -> ProjectDTO {
        let user = try req.requireUser()
        let project = try await Self.find(req)
        let input = try req.content.decode(StepInput.self)
        try await ProjectService.transition(project, action: input.action ?? "", reason: input.reason, by: user, on: req.db,
                                            now: req.now, catalog: req.application.catalog,
                                            baseURL: req.application.shabakaConfig.baseURL)
        return try await ProjectDTO.load(project, on: req.db, now: req.now, reader: req.reader)
    }

    @Sendable func reports(req: Request) async throws -> Paged<ReportDTO> {
        let project = try await Self.find(req)
        let page = try PageQuery(from: req)
        let projectID = try project.requireID()
        let query = ProjectReport.query(on: req.db).filter(\.$projectID == projectID)
        let total = try await query.count()
        // In time order (`period_sort`), so pages follow one another in time.
        let rows = try await query.sort(\.$periodSort).sort(\.$period).range(page.range).all()
        let authors = try await req.authorNames(rows.map(\.authorID))
        return Paged(items: try rows.map { try ReportDTO($0, authors: authors) }, request: page, total: total)
    }

    @Sendable func fileReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await Self.find(req)
        let report = try await ReportService.file(try req.content.decode(ReportInput.self), for: project, by: user,
                                                  on: req.db, now: req.now)
        let authors = try await req.authorNames([report.authorID])
        return try await ReportDTO(report, authors: authors).encodeResponse(status: .created, for: req)
    }

    @Sendable func reportDifficulty(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await Self.find(req)
        let difficulty = try await DifficultyService.report(try req.content.decode(DifficultyInput.self), on: project, by: user,
                                                            db: req.db, now: req.now, messaging: req.messaging)
        let response = try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/difficulties/\(try difficulty.requireID())")
        return response
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await Self.find(req)
        let evaluation = try await EvaluationService.record(try req.content.decode(EvaluationInput.self), for: project,
                                                            by: user, on: req.db, now: req.now)
        let authors = try await req.authorNames([evaluation.evaluatorID])
        return try await EvaluationDTO(evaluation, authors: authors).encodeResponse(status: .created, for: req)
    }

    /// Evaluations side by side (same criteria, same scale), best average first; `phase` filters.
    @Sendable func evaluations(req: Request) async throws -> Paged<ComparedEvaluation> {
        let page = try PageQuery(from: req)
        let (slice, total) = try await WorkQueries.evaluations(phase: try WorkQueries.evaluationPhase(req), page: page,
                                                               on: req.db)
        let projects = try await Project.query(on: req.db).filter(\.$id ~~ Set(slice.map(\.projectID))).all()
        let byID = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project) } })
        let authors = try await req.authorNames(slice.map(\.evaluatorID))
        return Paged(items: try slice.map {
            ComparedEvaluation(project: byID[$0.projectID]?.slug ?? "", title: byID[$0.projectID]?.title ?? Translated(),
                               evaluation: try EvaluationDTO($0, authors: authors))
        }, request: page, total: total)
    }
}
