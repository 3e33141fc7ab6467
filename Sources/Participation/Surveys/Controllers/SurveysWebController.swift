import Fluent
import Platform
import Vapor

/// The survey pages under `/{lang}/surveys`: the list, the organiser's form, a survey with its answer forms and
/// steps, and its results.
struct SurveysWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SurveysSiteURL.surveys.pathComponents, use: list)
        routes.post(SurveysSiteURL.surveys.pathComponents, use: create)
        routes.get(SurveysSiteURL.newSurvey.pathComponents, use: newForm)
        let survey = SurveysSiteURL.surveys.pathComponents + [":id"]
        routes.get(survey, use: show)
        routes.post(survey + ["answers"], use: answer)
        routes.post(survey + ["answers", "assisted"], use: answerAssisted)
        routes.post(survey + ["transitions"], use: step)
        routes.get(survey + ["results"], use: results)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("participation/survey-list", try await SurveysPageContext.make(req))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .manageProcesses) }
        return try await req.render("participation/survey-new", try await SurveyNewPageContext.make(req, form: .empty,
                                                                                                    user: user))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .manageProcesses) }
        let form = try req.form(SurveyForm.self)
        return try await req.submitting {
            let (input, unread) = form.input()
            guard unread.isEmpty else {
                let (_, _, errors) = try await SurveyAuthoring.validate(input, on: req.db)
                throw ValidationFailure(unread + form.onRows(errors))
            }
            do {
                let survey = try await SurveyAuthoring.create(input, by: user, on: req.db, now: req.now)
                return req.seeOther(SurveyPageContext.path(survey, req))
            } catch let failure as ValidationFailure {
                throw ValidationFailure(form.onRows(failure.fieldErrors))
            }
        } refused: { state in
            try await req.render("participation/survey-new", try await SurveyNewPageContext.make(req, form: state,
                                                                                                user: user))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await SurveysAPIController.survey(req), forms: SurveyPageForms())
    }

    func render(_ req: Request, _ survey: Survey, forms: SurveyPageForms) async throws -> Response {
        try await req.render("participation/survey-show", try await SurveyPageContext.make(survey, forms: forms, req))
    }

    /// Signed in: as the account; otherwise through the anonymous link, whose secret the form carries.
    @Sendable func answer(req: Request) async throws -> Response {
        let survey = try await SurveysAPIController.survey(req)
        let input = try req.form(SurveyAnswerInput.self)
        let path = SurveyPageContext.path(survey, req)
        return try await req.submitting {
            if let user = req.currentUser {
                try await SurveyAnswering.answer(survey, input, by: user, on: req.db, now: req.now)
                return req.seeOther(path)
            }
            let token = try? req.content.get(String.self, at: "token")
            try await SurveyAnswering.answer(survey, input, token: token, address: req.clientAddress, on: req.db,
                                             now: req.now)
            var query = URLComponents()
            query.queryItems = [URLQueryItem(name: "token", value: token), URLQueryItem(name: "answered", value: "1")]
            return req.seeOther(path + "?" + (query.percentEncodedQuery ?? "answered=1"))
        } refused: { form in
            try await render(req, survey, forms: SurveyPageForms(answer: form))
        }
    }

    @Sendable func answerAssisted(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let survey = try await SurveysAPIController.survey(req)
        let input = try req.form(SurveyAssistedInput.self)
        return try await req.submitting {
            try await SurveyAnswering.answerAssisted(survey, input, by: user, on: req.db, now: req.now)
            return req.seeOther(SurveyPageContext.path(survey, req) + "?assisted=1#assisted")
        } refused: { form in
            try await render(req, survey, forms: SurveyPageForms(assisted: form))
        }
    }

    /// `open`, or `close` (final: confirmed on a second page).
    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let survey = try await SurveysAPIController.survey(req)
        // Someone who does not organise it is refused at once, not after confirming.
        try await SurveyPolicy.requireOrganizer(user, of: survey, on: req.db)
        let form = try req.form(StepForm.self)
        let action = form.action ?? ""
        let path = SurveyPageContext.path(survey, req)
        return try await req.takingStep(SurveyWorkflow.survey, from: survey.state, form: form,
                                        confirmation: StepConfirmation(subject: survey.title, back: path)) {
            try await SurveyAuthoring.step(survey, action: action, by: user, on: req.db, now: req.now)
            return req.seeOther(path)
        } refused: { state in
            try await render(req, survey, forms: SurveyPageForms(step: .init(action: action, form: state)))
        }
    }

    @Sendable func results(req: Request) async throws -> Response {
        let survey = try await SurveysAPIController.survey(req)
        try await SurveyResultsAccess.require(survey, viewer: req.currentUser, on: req.db, now: req.now)
        return try await req.render("participation/survey-results", try await SurveyResultsPageContext.make(survey, req))
    }
}
