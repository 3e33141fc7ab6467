import Platform
import Vapor

/// The forms of a project's page: a follow-up report, a difficulty, an evaluation. A refused form is shown
/// again with what was typed and every problem on its field; the page's other forms are left alone.
extension ProjectsWebController {
    @Sendable func fileReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        try await ReportService.requireReporter(user, of: project, on: req.db)
        do {
            return try await req.submitting {
                let input = try req.input(ReportForm.self) { ReportService.validate($0, now: req.now).1 }
                _ = try await ReportService.file(input, for: project, by: user, on: req.db, now: req.now)
                return backToProject(req, project, anchor: "#reports")
            } refused: { form in
                try await renderShow(req, forms: ProjectPageForms(report: form))
            }
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
        return try await req.submitting {
            let difficulty = try await DifficultyService.report(input, on: project, by: user, db: req.db, now: req.now,
                                                                messaging: req.messaging)
            return req.seeOther(ProjectsSiteURL.difficulties.path(in: req.language) + "/"
                                + (try difficulty.requireID()).uuidString)
        } refused: { form in
            try await renderShow(req, forms: ProjectPageForms(difficulty: form))
        }
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await ProjectsAPIController.find(req)
        do {
            return try await req.submitting {
                let input = try req.input(EvaluationForm.self) { EvaluationService.validate($0, now: req.now).1 }
                _ = try await EvaluationService.record(input, for: project, by: user, on: req.db, now: req.now)
                return backToProject(req, project, anchor: "#evaluations")
            } refused: { form in
                try await renderShow(req, forms: ProjectPageForms(evaluation: form))
            }
        } catch let conflict as ProjectsError where conflict.status == .conflict {
            let form = FormState(posted: req, fieldErrors: conflict.fieldErrors, message: Self.text(of: conflict, req))
            return try await renderShow(req, forms: ProjectPageForms(evaluation: form), status: .conflict)
        }
    }

    static func text(of error: ProjectsError, _ req: Request) -> String {
        req.application.catalog.sentence(error.messageKey, in: req.language, arguments: error.messageArguments)
    }
}
