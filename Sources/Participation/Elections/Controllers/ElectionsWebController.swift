import Fluent
import Platform
import Vapor

/// The election pages under `/{lang}/pb-elections`: the list, the organiser's form, an election with its ballot
/// forms and the organiser's steps, the receipt after a ballot, and the results.
struct ElectionsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ElectionsSiteURL.elections.pathComponents, use: list)
        routes.post(ElectionsSiteURL.elections.pathComponents, use: create)
        routes.get(ElectionsSiteURL.newElection.pathComponents, use: newForm)
        let election = ElectionsSiteURL.elections.pathComponents + [":id"]
        routes.get(election, use: show)
        routes.post(election + ["ballot"], use: cast)
        routes.post(election + ["ballot", "assisted"], use: castAssisted)
        routes.post(election + ["projects"], use: addProject)
        routes.post(election + ["budgets"], use: addBudget)
        routes.post(election + ["projects", ":number", "removal"], use: removeProject)
        routes.post(election + ["projects", ":number", "exclusion"], use: exclude)
        routes.get(election + ["projects", ":number", "project"], use: fundedForm)
        routes.post(election + ["projects", ":number", "project"], use: makeFundedProject)
        routes.post(election + ["transitions"], use: step)
        routes.get(election + ["results"], use: results)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("participation/election-list", try await ElectionsPageContext.make(req))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .representOrganizations) }
        return try await req.render("participation/election-new", try await ElectionNewPageContext.make(req, form: .empty,
                                                                                                        user: user))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard SurveyPolicy.mayCreate(user) else { throw PlatformError.forbidden(permission: .representOrganizations) }
        return try await req.submitting {
            let (input, unread) = try req.form(ElectionForm.self).input()
            if !unread.isEmpty {
                // Every problem at once: the fields that are not numbers, and the others.
                var errors = unread
                _ = try await ElectionAuthoring.validate(input, on: req.db, into: &errors)
                throw ValidationFailure(errors)
            }
            let election = try await ElectionAuthoring.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ElectionPageContext.path(election, req))
        } refused: { state in
            try await req.render("participation/election-new", try await ElectionNewPageContext.make(req, form: state,
                                                                                                    user: user))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await ElectionsAPIController.election(req), forms: ElectionPageForms())
    }

    func render(_ req: Request, _ election: BudgetElection, forms: ElectionPageForms) async throws -> Response {
        try await req.render("participation/election-show", try await ElectionPageContext.make(election, forms: forms, req))
    }

    /// The receipt is shown on the answer to the post itself, never in an address (addresses end up in logs).
    @Sendable func cast(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        let input = try req.form(BallotForm.self).ballot
        return try await req.submitting(refusing: ElectionError.self) {
            let receipt = try await BallotService.cast(try election.requireID(), input, by: user,
                                                      writer: req.application.ballotWriter, on: req.db, now: req.now)
            return try await receiptPage(req, election, receipt)
        } refused: { form in
            try await render(req, election, forms: ElectionPageForms(ballot: form, ballotBudget: input.budgetID,
                                                                     ballotProjects: input.projects ?? []))
        }
    }

    @Sendable func castAssisted(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        let input = try req.form(BallotForm.self).assisted
        return try await req.submitting(refusing: ElectionError.self) {
            let receipt = try await BallotService.castAssisted(try election.requireID(), input, by: user,
                                                              writer: req.application.ballotWriter, on: req.db,
                                                              now: req.now)
            return try await receiptPage(req, election, receipt)
        } refused: { form in
            try await render(req, election, forms: ElectionPageForms(assisted: form))
        }
    }

    func receiptPage(_ req: Request, _ election: BudgetElection, _ receipt: BallotReceipt) async throws -> Response {
        let response = try await req.render("participation/election-receipt", ElectionReceiptContext(
            page: try await PageMeta.make(for: req, titleKey: "election.receipt_heading"),
            title: election.title, lang: election.textLanguage.rawValue, dir: election.textLanguage.direction,
            path: ElectionPageContext.path(election, req), receipt: receipt.receipt, version: receipt.version,
            projects: receipt.projects.map(String.init).joined(separator: ", "), closesAt: election.closesAt))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func addBudget(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        return try await req.submitting(refusing: ElectionError.self) {
            try await ElectionAuthoring.addBudget(election, try req.input(BudgetForm.self), by: user, on: req.db,
                                                  now: req.now)
            return req.seeOther(ElectionPageContext.path(election, req) + "#budgets")
        } refused: { form in
            try await render(req, election, forms: ElectionPageForms(addBudget: form))
        }
    }

    @Sendable func addProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        return try await req.submitting(refusing: ElectionError.self) {
            try await ElectionAuthoring.addProject(election, try req.input(ElectionProjectForm.self), by: user,
                                                   on: req.db, now: req.now)
            return req.seeOther(ElectionPageContext.path(election, req) + "#projects")
        } refused: { form in
            try await render(req, election, forms: ElectionPageForms(addProject: form))
        }
    }

    @Sendable func removeProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        _ = try req.form(StepForm.self)
        try await ElectionAuthoring.removeProject(election, number: try ElectionsAPIController.number(req), by: user,
                                                  on: req.db, now: req.now)
        return req.seeOther(ElectionPageContext.path(election, req) + "#projects")
    }

    @Sendable func exclude(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        let number = try ElectionsAPIController.number(req)
        return try await req.submitting(refusing: ElectionError.self) {
            try await ElectionAuthoring.exclude(election, number: number, try req.form(ExclusionInput.self), by: user,
                                                on: req.db, now: req.now)
            return req.seeOther(ElectionPageContext.path(election, req) + "#projects")
        } refused: { form in
            var sent = form
            sent.values["number"] = "\(number)"
            return try await render(req, election, forms: ElectionPageForms(exclusion: sent))
        }
    }

    /// `schedule` (final: confirmed on a second page).
    @Sendable func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionsAPIController.election(req)
        try await ElectionAuthoring.requireOrganizer(user, of: election, on: req.db)
        let form = try req.form(StepForm.self)
        let action = form.action ?? ""
        let path = ElectionPageContext.path(election, req)
        // A draft that cannot be scheduled yet (a budget without projects, a close in the past) is said on the vote's
        // page, at its step form.
        return try await req.takingStep(ElectionWorkflow.election, from: election.state, form: form,
                                        confirmation: StepConfirmation(subject: election.title, back: path),
                                        refusing: ElectionError.self) {
            _ = try ElectionWorkflow.election.check(action: action, from: election.state, user: user, reason: nil)
            try await ElectionAuthoring.schedule(election, by: user, on: req.db, now: req.now)
            return req.seeOther(path)
        } refused: { state in
            try await render(req, election, forms: ElectionPageForms(step: .init(action: action, form: state)))
        }
    }

    @Sendable func results(req: Request) async throws -> Response {
        let election = try await ElectionsAPIController.election(req)
        return try await req.render("participation/election-results", try await ElectionResultsPageContext.make(election, req))
    }
}

/// The page after a ballot: its receipt, to find it in the published ballots after the close.
struct ElectionReceiptContext: Encodable {
    let page: PageMeta
    let title: String
    let lang: String
    let dir: String
    let path: String
    let receipt: String
    let version: Int
    let projects: String
    let closesAt: Date
}
