import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/difficulties`, `/api/v1/expertise-requests`, `/api/v1/csr-pledges`, `/api/v1/cooperation`.
struct WorkAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let difficulties = routes.grouped("api", "v1", "difficulties")
        difficulties.get(use: board)
        difficulties.get(":id", use: difficulty)
        difficulties.post(":id", "transitions", use: difficultyStep)
        difficulties.post(":id", "solutions", use: propose)
        difficulties.post(":id", "decision", use: decide)

        let expertise = routes.grouped("api", "v1", "expertise-requests")
        expertise.get(use: expertiseList)
        expertise.post(use: requestExpertise)
        expertise.get(":id", use: expertiseShow)
        expertise.post(":id", "transitions", use: expertiseStep)

        let pledges = routes.grouped("api", "v1", "csr-pledges")
        pledges.get(use: pledgeList)
        pledges.post(use: pledge)
        pledges.get("companies", use: companies)
        pledges.get(":id", use: pledgeShow)
        pledges.post(":id", "transitions", use: pledgeStep)
        pledges.post(":id", "deliveries", use: deliver)

        let cooperation = routes.grouped("api", "v1", "cooperation")
        cooperation.get(use: cooperationList)
        cooperation.post(use: link)
    }

    // MARK: difficulties

    /// The record named by the path's `id`, or the room's not-found error.
    static func find<M: Model>(_ type: M.Type, _ req: Request, orElse missing: ProjectsError) async throws -> M
        where M.IDValue == UUID
    {
        guard let id = req.parameters.get("id", as: UUID.self), let record = try await M.find(id, on: req.db) else {
            throw missing
        }
        return record
    }

    static func findDifficulty(_ req: Request) async throws -> Difficulty {
        try await find(Difficulty.self, req, orElse: .difficultyNotFound)
    }

    @Sendable func board(req: Request) async throws -> Paged<BoardRow> {
        let filter = try await DifficultyBoardFilter.from(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await DifficultyService.board(filter, viewer: req.currentUser, page: page, on: req.db,
                                                                   now: req.now)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func difficulty(req: Request) async throws -> DifficultyDTO {
        try await DifficultyDTO.load(try await Self.findDifficulty(req), on: req.db, reader: req.reader, now: req.now)
    }

    @Sendable func difficultyStep(req: Request) async throws -> DifficultyDTO {
        let user = try req.requireUser()
        let difficulty = try await Self.findDifficulty(req)
        let input = try req.content.decode(StepInput.self)
        try await DifficultyService.step(difficulty, action: input.action ?? "", text: input.reason, by: user, on: req.db,
                                         now: req.now, messaging: req.messaging)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await Self.findDifficulty(req)
        _ = try await DifficultyService.propose(try req.content.decode(SolutionInput.self), for: difficulty, by: user,
                                                on: req.db, now: req.now)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func decide(req: Request) async throws -> DifficultyDTO {
        let user = try req.requireUser()
        let difficulty = try await Self.findDifficulty(req)
        try await DifficultyService.decide(try req.content.decode(DecisionInput.self), for: difficulty, by: user, on: req.db,
                                           now: req.now, messaging: req.messaging)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
    }

    // MARK: expertise

    struct ExpertiseDTO: Content {
        struct MatchDTO: Content {
            let personID: UUID
            let name: String
            let score: Int
            let reasons: [ExpertMatcher.Reason]
        }
        let id: UUID
        let organizationID: UUID
        let projectID: UUID?
        let domainCode: String
        let wilayaCode: String?
        let language: String
        let subject: String
        let description: String
        let state: String
        let expertID: UUID?
        let feedback: String?
        let rating: Int?
        let requestedBy: String
        let requestedAt: Date
        let matches: [MatchDTO]?
        let history: [WorkflowStepView]?

        init(_ request: ExpertiseRequest, matches: [ExpertMatcher.Match]? = nil, history: [WorkflowStep]? = nil) throws {
            id = try request.requireID()
            organizationID = request.organizationID
            projectID = request.projectID
            domainCode = request.domainCode
            wilayaCode = request.wilayaCode
            language = request.language
            subject = request.subject
            description = request.details
            state = request.state.rawValue
            expertID = request.expertID
            feedback = request.feedback
            rating = request.rating
            requestedBy = request.requestedBy
            requestedAt = request.requestedAt
            self.matches = matches?.map {
                MatchDTO(personID: $0.candidate.id, name: $0.candidate.name, score: $0.score, reasons: $0.reasons)
            }
            self.history = history?.map(WorkflowStepView.init)
        }
    }

    static func findExpertise(_ req: Request) async throws -> ExpertiseRequest {
        try await find(ExpertiseRequest.self, req, orElse: .expertiseRequestNotFound)
    }

    /// Requests are visible to the network's staff and experts, and to the associations that made them.
    static func requireReader(_ req: Request, of request: ExpertiseRequest) async throws {
        let user = try req.requireUser()
        if user.may(.assignExpertise) || user.may(.answerExpertise) { return }
        try await ProjectsPolicy.requireRepresentative(user, of: request.organizationID, unless: .assignExpertise, on: req.db)
    }

    @Sendable func expertiseList(req: Request) async throws -> Paged<ExpertiseDTO> {
        let user = try req.requireUser()
        let page = try PageQuery(from: req)
        let (rows, total) = try await WorkQueries.expertise(state: try WorkQueries.expertiseState(req), viewer: user,
                                                            page: page, on: req.db)
        return Paged(items: try rows.map { try ExpertiseDTO($0) }, request: page, total: total)
    }

    @Sendable func requestExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await ExpertiseService.create(try req.content.decode(ExpertiseInput.self), by: user, on: req.db,
                                                        now: req.now)
        let matches = try await ExpertiseService.matches(for: request, on: req.db)
        return try await ExpertiseDTO(request, matches: matches).encodeResponse(status: .created, for: req)
    }

    @Sendable func expertiseShow(req: Request) async throws -> ExpertiseDTO {
        let request = try await Self.findExpertise(req)
        try await Self.requireReader(req, of: request)
        return try ExpertiseDTO(request, matches: try await ExpertiseService.matches(for: request, on: req.db),
                                history: try await WorkflowStep.history(workflow: "expertise", subjectID: request.requireID(),
                                                                        on: req.db))
    }

    @Sendable func expertiseStep(req: Request) async throws -> ExpertiseDTO {
        let user = try req.requireUser()
        let request = try await Self.findExpertise(req)
        let input = try req.content.decode(StepInput.self)
        try await ExpertiseService.step(request, action: input.action ?? "", reason: input.reason, expertID: input.expertID,
                                        rating: input.rating, by: user, on: req.db, now: req.now, messaging: req.messaging)
        return try ExpertiseDTO(request, history: try await WorkflowStep.history(workflow: "expertise",
                                                                                 subjectID: request.requireID(), on: req.db))
    }

    // MARK: CSR

    static func findPledge(_ req: Request) async throws -> CSRPledge {
        try await find(CSRPledge.self, req, orElse: .pledgeNotFound)
    }

    @Sendable func pledgeList(req: Request) async throws -> Paged<PledgeDTO> {
        let page = try PageQuery(from: req)
        let (rows, total) = try await WorkQueries.pledges(company: try await WorkQueries.pledgeCompany(req), page: page,
                                                          on: req.db)
        return Paged(items: try rows.map { try PledgeDTO($0) }, request: page, total: total)
    }

    @Sendable func pledge(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pledge = try await CSRService.pledge(try req.content.decode(PledgeInput.self), by: user, on: req.db, now: req.now)
        return try await PledgeDTO(pledge, deliveries: []).encodeResponse(status: .created, for: req)
    }

    @Sendable func companies(req: Request) async throws -> Paged<CompanyFulfilment> {
        let page = try PageQuery(from: req)
        let (rows, total) = try await CSRService.fulfilment(page: page, on: req.db)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func pledgeShow(req: Request) async throws -> PledgeDTO {
        let pledge = try await Self.findPledge(req)
        let deliveries = try await CSRDelivery.query(on: req.db).filter(\.$pledgeID == pledge.requireID()).sort(\.$deliveredOn).all()
        return try PledgeDTO(pledge, deliveries: deliveries)
    }

    @Sendable func pledgeStep(req: Request) async throws -> PledgeDTO {
        let user = try req.requireUser()
        let pledge = try await Self.findPledge(req)
        let input = try req.content.decode(StepInput.self)
        try await CSRService.transition(pledge, action: input.action ?? "", reason: input.reason, by: user, on: req.db, now: req.now)
        return try PledgeDTO(pledge)
    }

    @Sendable func deliver(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pledge = try await Self.findPledge(req)
        _ = try await CSRService.deliver(try req.content.decode(DeliveryInput.self), to: pledge, by: user, on: req.db, now: req.now)
        let deliveries = try await CSRDelivery.query(on: req.db).filter(\.$pledgeID == pledge.requireID()).sort(\.$deliveredOn).all()
        return try await PledgeDTO(pledge, deliveries: deliveries).encodeResponse(status: .created, for: req)
    }

    // MARK: cooperation

    @Sendable func cooperationList(req: Request) async throws -> Paged<CooperationDTO> {
        let page = try PageQuery(from: req)
        let (links, total) = try await WorkQueries.cooperation(page: page, on: req.db)
        return Paged(items: try await CooperationDTO.list(links, on: req.db), request: page, total: total)
    }

    @Sendable func link(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let link = try await CooperationService.link(try req.content.decode(CooperationInput.self), by: user, on: req.db,
                                                     now: req.now)
        return try await CooperationDTO.list([link], on: req.db)[0].encodeResponse(status: .created, for: req)
    }
}
