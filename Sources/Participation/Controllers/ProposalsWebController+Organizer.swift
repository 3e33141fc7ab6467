import Directory
import Fluent
import Platform
import Projects
import Vapor

/// The organiser's steps from a proposal's page: evaluators and their study, the answer, merging, making a project; and following it.
extension ProposalsWebController {
    struct AssignForm: Decodable {
        var evaluatorID: String?
    }

    @Sendable func assign(req: Request) async throws -> Response {
        try await acting(req, anchor: "#study") { proposal, user in
            let raw = try req.form(AssignForm.self).evaluatorID
            if let raw = Validate.trimmed(raw), UUID(uuidString: raw) == nil {
                throw ValidationFailure([FieldError("evaluator_id", "validation.invalid_choice")])
            }
            try await AnswerService.assign(proposal, evaluatorID: raw.flatMap { UUID(uuidString: $0) }, by: user, on: req.db,
                                           now: req.now, messaging: req.messaging)
        } refused: { $0.assign = $1 }
    }

    @Sendable func evaluate(req: Request) async throws -> Response {
        try await acting(req, anchor: "#study") { proposal, user in
            try await AnswerService.evaluate(proposal, try req.input(EvaluationForm.self), by: user, on: req.db, now: req.now)
        } refused: { $0.evaluation = $1 }
    }

    @Sendable func answer(req: Request) async throws -> Response {
        try await acting(req, anchor: "#answer") { proposal, user in
            try await AnswerService.answer(proposal, try req.form(AnswerService.AnswerInput.self), by: user, on: req.db,
                                           now: req.now, messaging: req.messaging)
        } refused: { $0.answer = $1 }
    }

    struct MergeForm: Decodable {
        var sourceIDs: [String]?
        var reason: String?
    }

    /// Merges the chosen duplicates into this proposal.
    @Sendable func merge(req: Request) async throws -> Response {
        try await acting(req) { proposal, user in
            let form = try req.form(MergeForm.self)
            var sources: [Proposal] = []
            for raw in form.sourceIDs ?? [] where !raw.isEmpty {
                guard let id = UUID(uuidString: raw), let source = try await Proposal.find(id, on: req.db) else {
                    throw ValidationFailure([FieldError("source_ids", "validation.invalid_choice")])
                }
                sources.append(source)
            }
            try await AnswerService.merge(sources, into: proposal, reason: form.reason, by: user, on: req.db, now: req.now,
                                          messaging: req.messaging)
        } refused: { $0.merge = $1 }
    }

    @Sendable func makeProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let proposal = try await Self.proposal(req)
        return try await req.submitting {
            let project = try await AnswerService.makeProject(proposal, try req.input(ProjectFromProposalForm.self), by: user,
                                                              on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug)
        } refused: { form in
            var forms = ProposalPageForms()
            forms.project = form
            return try await render(req, forms: forms)
        }
    }

    @Sendable func follow(req: Request) async throws -> Response {
        let proposal = try await Self.proposal(req)
        return try await ProcessesWebController.following(.proposal, try proposal.requireID(), req,
                                                          back: try Self.path(proposal, req))
    }
}
