import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/csr-pledges`: companies' pledges, their steps and deliveries, and fulfilment per company.
struct CSRAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pledges = routes.grouped("api", "v1", "csr-pledges")
        pledges.get(use: pledgeList)
        pledges.post(use: pledge)
        pledges.get("companies", use: companies)
        pledges.get(":id", use: pledgeShow)
        pledges.post(":id", "transitions", use: pledgeStep)
        pledges.post(":id", "deliveries", use: deliver)
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
        let pledge = try await req.find(CSRPledge.self, id: "id", orElse: ProjectsError.pledgeNotFound)
        let deliveries = try await CSRDelivery.query(on: req.db).filter(\.$pledgeID == pledge.requireID()).sort(\.$deliveredOn).all()
        return try PledgeDTO(pledge, deliveries: deliveries)
    }

    @Sendable func pledgeStep(req: Request) async throws -> PledgeDTO {
        let user = try req.requireUser()
        let pledge = try await req.find(CSRPledge.self, id: "id", orElse: ProjectsError.pledgeNotFound)
        let input = try req.content.decode(StepInput.self)
        try await CSRService.transition(pledge, action: input.action ?? "", reason: input.reason, by: user, on: req.db, now: req.now)
        return try PledgeDTO(pledge)
    }

    @Sendable func deliver(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let pledge = try await req.find(CSRPledge.self, id: "id", orElse: ProjectsError.pledgeNotFound)
        _ = try await CSRService.deliver(try req.content.decode(DeliveryInput.self), to: pledge, by: user, on: req.db, now: req.now)
        let deliveries = try await CSRDelivery.query(on: req.db).filter(\.$pledgeID == pledge.requireID()).sort(\.$deliveredOn).all()
        return try await PledgeDTO(pledge, deliveries: deliveries).encodeResponse(status: .created, for: req)
    }
}
