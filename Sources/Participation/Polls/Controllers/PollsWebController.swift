import Fluent
import Platform
import Vapor

/// The poll pages under `/{lang}/polls`: the list, the organiser's form (new, and changes before it opens), a poll
/// with its voting form, its results when shown, and the outcome the organiser writes after the close.
struct PollsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(PollsSiteURL.polls.pathComponents, use: list)
        routes.post(PollsSiteURL.polls.pathComponents, use: create)
        routes.get(PollsSiteURL.newPoll.pathComponents, use: newForm)
        let poll = PollsSiteURL.polls.pathComponents + [":id"]
        routes.get(poll, use: show)
        routes.get(poll + ["edit"], use: editForm)
        routes.post(poll + ["edit"], use: update)
        routes.post(poll + ["vote"], use: vote)
        routes.post(poll + ["outcome"], use: outcome)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("participation/poll-list", try await PollsPageContext.make(req))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .representOrganizations) }
        var values = ["assembly_id": req.query[String.self, at: "assembly"] ?? "",
                      "process_id": req.query[String.self, at: "process"] ?? "",
                      "debate_id": req.query[String.self, at: "debate"] ?? "", "allow_abstain": "true"]
        values = values.filter { !$0.value.isEmpty }
        return try await req.render("participation/poll-new", try await PollNewPageContext.make(
            req, form: FormState.empty.showing(values), user: user, poll: nil))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .representOrganizations) }
        return try await req.submitting(refusing: PollError.self) {
            let poll = try await PollAuthoring.create(try req.input(PollForm.self), by: user, on: req.db, now: req.now)
            return req.seeOther(PollPageContext.path(poll, req))
        } refused: { state in
            try await req.render("participation/poll-new", try await PollNewPageContext.make(req, form: state, user: user,
                                                                                              poll: nil))
        }
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let poll = try await PollsAPIController.poll(req)
        guard try await PollAuthoring.isOrganizer(user, of: poll, on: req.db) else { throw PollError.notTheOrganizer }
        let options = try await PollAuthoring.options(of: poll, on: req.db)
        let values = ["title": poll.title, "description": poll.details, "language": poll.language,
                      "method": poll.method.rawValue, "allow_abstain": poll.allowAbstain ? "true" : "",
                      "results_visibility": poll.resultsVisibility.rawValue,
                      "opens_at": LocalTime.local(poll.opensAt), "closes_at": LocalTime.local(poll.closesAt),
                      "options": options.map(\.label).joined(separator: "\n")]
        return try await req.render("participation/poll-new", try await PollNewPageContext.make(
            req, form: FormState.empty.showing(values), user: user, poll: poll))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let poll = try await PollsAPIController.poll(req)
        return try await req.submitting(refusing: PollError.self) {
            try await PollAuthoring.update(poll, try req.input(PollForm.self), by: user, on: req.db, now: req.now)
            return req.seeOther(PollPageContext.path(poll, req))
        } refused: { state in
            try await req.render("participation/poll-new", try await PollNewPageContext.make(req, form: state, user: user,
                                                                                              poll: poll))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await PollsAPIController.poll(req), forms: .init())
    }

    func render(_ req: Request, _ poll: Poll, forms: PollPageContext.Forms, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let response = try await req.render("participation/poll-show", try await PollPageContext.make(poll, forms: forms, req))
        response.status = status
        return response
    }

    @Sendable func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let poll = try await PollsAPIController.poll(req)
        return try await req.submitting(refusing: PollError.self) {
            let receipt = try await PollVoting.cast(poll, try req.input(PollVoteForm.self), by: user, on: req.db,
                                                    now: req.now)
            return try await render(req, poll, forms: .init(voted: receipt.version))
        } refused: { state in
            try await render(req, poll, forms: .init(vote: state.grouping("choices")))
        }
    }

    @Sendable func outcome(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let poll = try await PollsAPIController.poll(req)
        return try await req.submitting(refusing: PollError.self) {
            try await PollAuthoring.writeOutcome(poll, try req.input(PollOutcomeForm.self), by: user, on: req.db,
                                                 now: req.now)
            return req.seeOther(PollPageContext.path(poll, req) + "#outcome")
        } refused: { state in
            try await render(req, poll, forms: .init(outcome: state))
        }
    }
}
