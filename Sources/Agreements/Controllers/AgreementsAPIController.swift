import Fluent
import Platform
import Vapor

/// `/api/v1/agreements` (+ transitions, commitments, follow-ups) and `/api/v1/commitments/{id}/transitions`.
struct AgreementsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let agreements = routes.grouped("api", "v1", "agreements")
        agreements.get(use: list)
        agreements.get(":agreement", use: show)
        agreements.post(use: create)
        agreements.patch(":agreement", use: update)
        agreements.post(":agreement", "transitions", use: transition)
        agreements.get(":agreement", "commitments", use: commitments)
        agreements.post(":agreement", "commitments", use: addCommitment)
        agreements.get(":agreement", "follow-ups", use: followUps)
        agreements.post(":agreement", "follow-ups", use: addFollowUp)
        routes.grouped("api", "v1", "commitments").post(":id", "transitions", use: transitionCommitment)
    }

    @Sendable func list(req: Request) async throws -> Paged<ListItem> {
        let page = try PageQuery(from: req)
        let (rows, total) = try await AgreementsQueries.agreements(page, on: req.db)
        let items = try rows.map {
            ListItem(id: try $0.requireID(), slug: $0.slug, kind: $0.kind.rawValue, title: $0.title, state: $0.state.rawValue)
        }
        return Paged(items: items, request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> AgreementDTO {
        try await AgreementDTO.load(try await Self.find(req), for: req)
    }

    @Sendable func transition(req: Request) async throws -> AgreementDTO {
        let user = try req.requireUser()
        let agreement = try await Self.find(req)
        let input = try req.content.decode(StepInput.self)
        try await AgreementService.transition(agreement, action: input.action ?? "", reason: input.reason, by: user,
                                              on: req.db, now: req.now)
        return try await AgreementDTO.load(agreement, for: req)
    }

    @Sendable func commitments(req: Request) async throws -> [AgreementDTO.CommitmentDTO] {
        try await AgreementDTO.load(try await Self.find(req), for: req).commitments
    }

    @Sendable func addCommitment(req: Request) async throws -> Response {
        let user = try req.require(.manageAgreements)
        let agreement = try await Self.find(req)
        let commitment = try await AgreementService.addCommitment(
            try req.content.decode(CommitmentInput.self), to: agreement, by: user, on: req.db, now: req.now)
        let dto = try await AgreementDTO.load(agreement, for: req)
        guard let created = dto.commitments.first(where: { $0.id == commitment.id }) else { throw AgreementsError.commitmentNotFound }
        return try await created.encodeResponse(status: .created, for: req)
    }

    @Sendable func followUps(req: Request) async throws -> [AgreementDTO.FollowUpDTO] {
        try await AgreementDTO.load(try await Self.find(req), for: req).followUps
    }

    @Sendable func addFollowUp(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let agreement = try await Self.find(req)
        let entry = try await AgreementService.addFollowUp(
            try req.content.decode(FollowUpInput.self), to: agreement, by: user, on: req.db, now: req.now)
        let dto = try await AgreementDTO.load(agreement, for: req)
        guard let created = dto.followUps.first(where: { $0.id == entry.id }) else { throw AgreementsError.agreementNotFound }
        return try await created.encodeResponse(status: .created, for: req)
    }

    @Sendable func transitionCommitment(req: Request) async throws -> AgreementDTO.CommitmentDTO {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await Commitment.find(id, on: req.db)
        else { throw AgreementsError.commitmentNotFound }
        let input = try req.content.decode(StepInput.self)
        try await AgreementService.transition(commitment, action: input.action ?? "", reason: input.reason, by: user,
                                              on: req.db, now: req.now)
        guard let agreement = try await Agreement.find(commitment.agreementID, on: req.db),
              let dto = try await AgreementDTO.load(agreement, for: req).commitments.first(where: { $0.id == id })
        else { throw AgreementsError.commitmentNotFound }
        return dto
    }

    /// By id or slug.
    static func find(_ req: Request) async throws -> Agreement {
        try await req.find(Agreement.self, "agreement", orElse: AgreementsError.agreementNotFound)
    }
}
