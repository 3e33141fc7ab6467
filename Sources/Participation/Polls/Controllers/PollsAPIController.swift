import Fluent
import Platform
import Vapor

/// `/api/v1/polls` (list by `process`, `debate` or `assembly`; create; one; change before it opens; vote; results;
/// outcome) and `/api/v1/assemblies` (list; create; one with members, delegations and motions; delegate; revoke).
struct PollsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let polls = routes.grouped("api", "v1", "polls")
        polls.get(use: list)
        polls.post(use: create)
        polls.get(":id", use: show)
        polls.put(":id", use: update)
        polls.post(":id", "vote", use: vote)
        polls.get(":id", "results", use: results)
        polls.post(":id", "outcome", use: outcome)
        let assemblies = routes.grouped("api", "v1", "assemblies")
        assemblies.get(use: assemblyList)
        assemblies.post(use: createAssembly)
        assemblies.get(":id", use: assembly)
        assemblies.post(":id", "delegations", use: delegate)
        assemblies.delete(":id", "delegations", ":organization", use: revoke)
    }

    static func poll(_ req: Request) async throws -> Poll {
        try await req.find(Poll.self, id: "id", orElse: PollError.pollNotFound)
    }

    static func assembly(_ req: Request) async throws -> Assembly {
        try await req.find(Assembly.self, id: "id", orElse: PollError.assemblyNotFound)
    }

    @Sendable func list(req: Request) async throws -> Paged<PollRow> {
        let page = try PageQuery(from: req)
        let filter = try await PollQuery.Filter(req)
        let (items, total) = try await PollQuery.list(filter, page: page, on: req.db)
        return Paged(items: try items.map { try PollRow($0, now: req.now) }, request: page, total: total)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let poll = try await PollAuthoring.create(try req.content.decode(PollInput.self), by: user, on: req.db,
                                                  now: req.now)
        return try await PollDTO.load(poll, viewer: user, on: req.db, now: req.now).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> PollDTO {
        try await PollDTO.load(try await Self.poll(req), viewer: req.currentUser, on: req.db, now: req.now)
    }

    @Sendable func update(req: Request) async throws -> PollDTO {
        let user = try req.requireUser()
        let poll = try await Self.poll(req)
        try await PollAuthoring.update(poll, try req.content.decode(PollInput.self), by: user, on: req.db, now: req.now)
        return try await PollDTO.load(poll, viewer: user, on: req.db, now: req.now)
    }

    @Sendable func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let receipt = try await PollVoting.cast(try await Self.poll(req), try req.content.decode(PollVoteInput.self),
                                                by: user, on: req.db, now: req.now)
        return try await receipt.encodeResponse(status: .created, for: req)
    }

    @Sendable func results(req: Request) async throws -> PollResults {
        try await PollResults.load(try await Self.poll(req), language: req.language, on: req.db, now: req.now)
    }

    @Sendable func outcome(req: Request) async throws -> PollDTO {
        let user = try req.requireUser()
        let poll = try await Self.poll(req)
        try await PollAuthoring.writeOutcome(poll, try req.content.decode(PollOutcomeInput.self), by: user, on: req.db,
                                             now: req.now)
        return try await PollDTO.load(poll, viewer: user, on: req.db, now: req.now)
    }

    @Sendable func assemblyList(req: Request) async throws -> Paged<AssemblyRow> {
        let page = try PageQuery(from: req)
        let (items, total) = try await AssemblyQuery.list(page: page, on: req.db)
        return Paged(items: try items.map { try AssemblyRow($0) }, request: page, total: total)
    }

    @Sendable func createAssembly(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let assembly = try await AssemblyService.create(try req.content.decode(AssemblyInput.self), by: user,
                                                        on: req.db, now: req.now)
        return try await AssemblyDTO.load(assembly, language: req.language, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func assembly(req: Request) async throws -> AssemblyDTO {
        try await AssemblyDTO.load(try await Self.assembly(req), language: req.language, on: req.db, now: req.now)
    }

    @Sendable func delegate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let assembly = try await Self.assembly(req)
        try await AssemblyService.delegate(assembly, try req.content.decode(DelegationInput.self), by: user, on: req.db,
                                           now: req.now, language: req.language)
        return try await AssemblyDTO.load(assembly, language: req.language, on: req.db, now: req.now)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func revoke(req: Request) async throws -> AssemblyDTO {
        let user = try req.requireUser()
        let assembly = try await Self.assembly(req)
        guard let from = req.parameters.get("organization", as: UUID.self) else { throw PollError.noDelegation }
        try await AssemblyService.revoke(assembly, from: from, by: user, on: req.db, now: req.now)
        return try await AssemblyDTO.load(assembly, language: req.language, on: req.db, now: req.now)
    }
}

/// A line of the list of polls.
public struct PollRow: Content, Sendable {
    public let id: UUID
    public let title: String
    public let method: String
    public let phase: String
    public let opensAt: Date
    public let closesAt: Date
    public let processID: UUID?
    public let assemblyID: UUID?

    init(_ poll: Poll, now: Date) throws {
        (id, title, method, phase) = (try poll.requireID(), poll.title, poll.method.rawValue, poll.phase(at: now).rawValue)
        (opensAt, closesAt, processID, assemblyID) = (poll.opensAt, poll.closesAt, poll.processID, poll.assemblyID)
    }
}

public struct AssemblyRow: Content, Sendable {
    public let id: UUID
    public let title: String
    public let opensAt: Date
    public let closesAt: Date

    init(_ assembly: Assembly) throws {
        (id, title, opensAt, closesAt) = (try assembly.requireID(), assembly.title, assembly.opensAt, assembly.closesAt)
    }
}
