import Fluent
import Platform
import Vapor

/// `/api/v1/pb-elections`: the list (`process`, `page`, `size`), one election, creating one (with budgets and
/// projects), adding, removing and excluding projects, scheduling; casting a ballot (`/ballot`, or `/ballot/assisted`
/// for a coordinator); after the close, the results and each budget's ballots as a Pabulib file
/// (`/ballots.pb?budget=2`, the first budget by default).
struct ElectionsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let elections = routes.grouped("api", "v1", "pb-elections")
        elections.get(use: list)
        elections.post(use: create)
        elections.get(":id", use: show)
        elections.post(":id", "projects", use: addProject)
        elections.post(":id", "budgets", use: addBudget)
        elections.delete(":id", "projects", ":number", use: removeProject)
        elections.post(":id", "projects", ":number", "exclusion", use: exclude)
        elections.post(":id", "projects", ":number", "project", use: makeProject)
        elections.post(":id", "transitions", use: step)
        elections.post(":id", "ballot", use: cast)
        elections.post(":id", "ballot", "assisted", use: castAssisted)
        elections.get(":id", "results", use: results)
        elections.get(":id", "ballots.pb", use: ballotsFile)
    }

    /// The election of the route, if the reader may see it (a draft is its organisers' alone).
    static func election(_ req: Request) async throws -> BudgetElection {
        let election = try await req.find(BudgetElection.self, id: "id", orElse: ElectionError.electionNotFound)
        guard try await ElectionQuery.visible(election, to: req.currentUser, on: req.db) else {
            throw ElectionError.electionNotFound
        }
        return election
    }

    static func number(_ req: Request) throws -> Int {
        guard let number = req.parameters.get("number", as: Int.self) else { throw ElectionError.unknownProject }
        return number
    }

    @Sendable func list(req: Request) async throws -> Paged<ElectionRow> {
        let page = try PageQuery(from: req)
        let process = try await ElectionQuery.processFilter(req)
        let (items, total) = try await ElectionQuery.list(processID: process, viewer: req.currentUser, page: page, on: req.db)
        return Paged(items: try items.map { try ElectionRow($0, now: req.now) }, request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> ElectionDTO {
        try await ElectionDTO.load(try await Self.election(req), viewer: req.currentUser, on: req.db, now: req.now)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await ElectionAuthoring.create(try req.content.decode(ElectionInput.self), by: user,
                                                          on: req.db, now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func addProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await Self.election(req)
        try await ElectionAuthoring.addProject(election, try req.content.decode(ElectionProjectInput.self), by: user,
                                               on: req.db, now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func addBudget(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let election = try await Self.election(req)
        try await ElectionAuthoring.addBudget(election, try req.content.decode(BudgetInput.self), by: user, on: req.db,
                                              now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func removeProject(req: Request) async throws -> ElectionDTO {
        let user = try req.requireUser()
        let election = try await Self.election(req)
        try await ElectionAuthoring.removeProject(election, number: try Self.number(req), by: user, on: req.db,
                                                  now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
    }

    @Sendable func exclude(req: Request) async throws -> ElectionDTO {
        let user = try req.requireUser()
        let election = try await Self.election(req)
        try await ElectionAuthoring.exclude(election, number: try Self.number(req),
                                            try req.content.decode(ExclusionInput.self), by: user, on: req.db,
                                            now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
    }

    /// A funded project becomes a draft project of the Projects room (201 with its id and slug).
    @Sendable func makeProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await FundedProjects.makeProject(
            try await Self.election(req), number: try Self.number(req), try req.content.decode(ProjectFromProposal.self),
            by: user, on: req.db, now: req.now)
        return try await ParticipationAPIController.ProjectMade(projectID: try project.requireID(), slug: project.slug)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func step(req: Request) async throws -> ElectionDTO {
        let user = try req.requireUser()
        let election = try await Self.election(req)
        let input = try req.content.decode(StepInput.self)
        // `schedule` is the only step; anything else is refused with the steps allowed.
        _ = try ElectionWorkflow.election.check(action: input.action ?? "", from: election.state, user: user, reason: nil)
        try await ElectionAuthoring.schedule(election, by: user, on: req.db, now: req.now)
        return try await ElectionDTO.load(election, viewer: user, on: req.db, now: req.now)
    }

    /// A ballot reads the election as kept in memory (``ElectionSnapshots``), not the full record.
    static func electionID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw ElectionError.electionNotFound }
        return id
    }

    @Sendable func cast(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let receipt = try await BallotService.cast(try Self.electionID(req), try req.content.decode(BallotInput.self),
                                                   by: user, writer: req.application.ballotWriter, on: req.db,
                                                   now: req.now)
        return try await receipt.encodeResponse(status: .created, for: req)
    }

    @Sendable func castAssisted(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let receipt = try await BallotService.castAssisted(try Self.electionID(req),
                                                           try req.content.decode(AssistedBallotInput.self), by: user,
                                                           writer: req.application.ballotWriter, on: req.db,
                                                           now: req.now)
        return try await receipt.encodeResponse(status: .created, for: req)
    }

    @Sendable func results(req: Request) async throws -> ElectionResults {
        try await ElectionResults.load(try await Self.election(req), on: req.db, now: req.now)
    }

    @Sendable func ballotsFile(req: Request) async throws -> Response {
        let election = try await Self.election(req)
        let text = try await ElectionsFile.text(election, budget: req.query[Int.self, at: "budget"] ?? 1, on: req.db,
                                                now: req.now)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(text.name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text.body))
    }
}
