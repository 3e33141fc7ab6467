import Platform
import Vapor

/// The forms of a project's page: a follow-up report, a difficulty, an evaluation. A refused form is shown
/// again with what was typed and every problem on its field; the page's other forms are left alone.
extension ProjectsWebController {
    @Sendable func fileReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ReportService.requireReporter(user, of: project, on: req.db)
        let (input, unread) = try req.form(ReportForm.self).input()
        do {
            guard unread.isEmpty else { throw ValidationFailure(unread + ReportService.validate(input, now: req.now).1) }
            _ = try await ReportService.file(input, for: project, by: user, on: req.db, now: req.now)
            return backToProject(req, project, anchor: "#reports")
        } catch let failure as ValidationFailure {
            return try await renderShow(req, forms: ProjectPageForms(report: FormState(posted: req,
                                                                                       fieldErrors: failure.fieldErrors)),
                                        status: .unprocessableEntity)
        } catch let conflict as ProjectsError where conflict.status == .conflict {
            // A report for that period exists already: say so on the form, with what was typed kept.
            let form = FormState(posted: req, fieldErrors: conflict.fieldErrors, message: Self.text(of: conflict, req))
            return try await renderShow(req, forms: ProjectPageForms(report: form), status: .conflict)
        }
    }

    @Sendable func reportDifficulty(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        let input = try req.form(DifficultyInput.self)
        do {
            let difficulty = try await DifficultyService.report(input, on: project, by: user, db: req.db, now: req.now,
                                                                messaging: req.messaging)
            return req.seeOther(ProjectsSiteURL.difficulties.path(in: req.language) + "/"
                                + (try difficulty.requireID()).uuidString)
        } catch let failure as ValidationFailure {
            let form = FormState(posted: req, fieldErrors: failure.fieldErrors)
            return try await renderShow(req, forms: ProjectPageForms(difficulty: form), status: .unprocessableEntity)
        }
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        let (input, unread) = try req.form(EvaluationForm.self).input()
        do {
            guard unread.isEmpty else { throw ValidationFailure(unread + EvaluationService.validate(input, now: req.now).1) }
            _ = try await EvaluationService.record(input, for: project, by: user, on: req.db, now: req.now)
            return backToProject(req, project, anchor: "#evaluations")
        } catch let failure as ValidationFailure {
            let form = FormState(posted: req, fieldErrors: failure.fieldErrors)
            return try await renderShow(req, forms: ProjectPageForms(evaluation: form), status: .unprocessableEntity)
        } catch let conflict as ProjectsError where conflict.status == .conflict {
            let form = FormState(posted: req, fieldErrors: conflict.fieldErrors, message: Self.text(of: conflict, req))
            return try await renderShow(req, forms: ProjectPageForms(evaluation: form), status: .conflict)
        }
    }

    static func text(of error: ProjectsError, _ req: Request) -> String {
        req.application.catalog.text(error.messageKey, in: req.language, arguments: error.messageArguments)
    }
}
