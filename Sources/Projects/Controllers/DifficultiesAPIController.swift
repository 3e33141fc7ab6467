import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/difficulties`: the network's board, one difficulty, its steps, solutions and decision.
struct DifficultiesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let difficulties = routes.grouped("api", "v1", "difficulties")
        difficulties.get(use: board)
        difficulties.get(":id", use: difficulty)
        difficulties.post(":id", "transitions", use: difficultyStep)
        difficulties.post(":id", "solutions", use: propose)
        difficulties.post(":id", "decision", use: decide)
    }

    @Sendable func board(req: Request) async throws -> Paged<BoardRow> {
        let filter = try await DifficultyBoardFilter.from(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await DifficultyService.board(filter, viewer: req.currentUser, page: page, on: req.db,
                                                                   now: req.now)
        return Paged(items: rows, request: page, total: total)
    }

    @Sendable func difficulty(req: Request) async throws -> DifficultyDTO {
        try await DifficultyDTO.load(try await req.find(Difficulty.self, id: "id", orElse: ProjectsError.difficultyNotFound), on: req.db, reader: req.reader, now: req.now)
    }

    @Sendable func difficultyStep(req: Request) async throws -> DifficultyDTO {
        let user = try req.requireUser()
        let difficulty = try await req.find(Difficulty.self, id: "id", orElse: ProjectsError.difficultyNotFound)
        let input = try req.content.decode(StepInput.self)
        try await DifficultyService.step(difficulty, action: input.action ?? "", text: input.reason, by: user, on: req.db,
                                         now: req.now, messaging: req.messaging)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let difficulty = try await req.find(Difficulty.self, id: "id", orElse: ProjectsError.difficultyNotFound)
        _ = try await DifficultyService.propose(try req.content.decode(SolutionInput.self), for: difficulty, by: user,
                                                on: req.db, now: req.now)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func decide(req: Request) async throws -> DifficultyDTO {
        let user = try req.requireUser()
        let difficulty = try await req.find(Difficulty.self, id: "id", orElse: ProjectsError.difficultyNotFound)
        try await DifficultyService.decide(try req.content.decode(DecisionInput.self), for: difficulty, by: user, on: req.db,
                                           now: req.now, messaging: req.messaging)
        return try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
    }
}
