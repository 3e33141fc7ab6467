import Fluent
import Platform
import Vapor

/// `/api/v1/surveys`: the list (`page`, `size`, `q`, `state`, `process`), one survey, creating one with its
/// questions, opening and closing it, answering (signed in, or anonymously with `?token=` of its link), assisted
/// answers, and the results, as JSON or as CSV at `GET /api/v1/surveys/{id}/results.csv`. Written answers in the
/// results come a page at a time (`page`, `size`); the CSV holds them all.
struct SurveysAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let surveys = routes.grouped("api", "v1", "surveys")
        surveys.get(use: list)
        surveys.post(use: create)
        surveys.get(":id", use: show)
        surveys.post(":id", "transitions", use: step)
        surveys.post(":id", "answers", use: answer)
        surveys.post(":id", "answers", "assisted", use: answerAssisted)
        surveys.get(":id", "results", use: results)
        surveys.get(":id", "results.csv", use: resultsCSV)
    }

    /// The survey of the route, if the reader may see it (a draft is its organisers' alone).
    static func survey(_ req: Request) async throws -> Survey {
        let survey = try await req.find(Survey.self, id: "id", orElse: SurveyError.surveyNotFound)
        guard try await SurveyResultsAccess.visible(survey, to: req.currentUser, on: req.db) else {
            throw SurveyError.surveyNotFound
        }
        return survey
    }

    @Sendable func list(req: Request) async throws -> Paged<SurveyRow> {
        let filter = try await SurveyFilter.from(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await SurveyQuery.page(filter, viewer: req.currentUser, page: page, on: req.db)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> SurveyDTO {
        try await SurveyDTO.load(try await Self.survey(req), viewer: req.currentUser, on: req.db, now: req.now)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let survey = try await SurveyAuthoring.create(try req.content.decode(SurveyInput.self), by: user, on: req.db,
                                                      now: req.now)
        return try await SurveyDTO.load(survey, viewer: user, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func step(req: Request) async throws -> SurveyDTO {
        let user = try req.requireUser()
        let survey = try await Self.survey(req)
        let input = try req.content.decode(StepInput.self)
        try await SurveyAuthoring.step(survey, action: input.action ?? "", by: user, on: req.db, now: req.now)
        return try await SurveyDTO.load(survey, viewer: user, on: req.db, now: req.now)
    }

    /// Signed in: as the account. Otherwise `?token=` must be the survey's anonymous link.
    @Sendable func answer(req: Request) async throws -> Response {
        let survey = try await Self.survey(req)
        let input = try req.content.decode(SurveyAnswerInput.self)
        if let user = req.currentUser {
            try await SurveyAnswering.answer(survey, input, by: user, on: req.db, now: req.now)
        } else {
            try await SurveyAnswering.answer(survey, input, token: req.query[String.self, at: "token"],
                                             address: req.clientAddress, on: req.db, now: req.now)
        }
        return try await SurveyDTO.load(survey, viewer: req.currentUser, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func answerAssisted(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let survey = try await Self.survey(req)
        try await SurveyAnswering.answerAssisted(survey, try req.content.decode(SurveyAssistedInput.self), by: user,
                                                 on: req.db, now: req.now)
        return try await SurveyDTO.load(survey, viewer: user, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func results(req: Request) async throws -> SurveyResults {
        let survey = try await Self.survey(req)
        try await SurveyResultsAccess.require(survey, viewer: req.currentUser, on: req.db, now: req.now)
        return try await SurveyTally.results(survey, textPage: try PageQuery(from: req), on: req.db)
    }

    @Sendable func resultsCSV(req: Request) async throws -> Response {
        let survey = try await Self.survey(req)
        try await SurveyResultsAccess.require(survey, viewer: req.currentUser, on: req.db, now: req.now)
        let results = try await SurveyTally.results(survey, textPage: SurveyResultsCSV.allTexts, on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        let name = "survey-\(results.surveyID.uuidString.lowercased())-results.csv"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: SurveyResultsCSV.csv(results)))
    }
}
