import Directory
import Fluent
import Platform
import Vapor

/// `/api/v1/cooperation`: international partners linked to projects and agreements.
struct CooperationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cooperation = routes.grouped("api", "v1", "cooperation")
        cooperation.get(use: cooperationList)
        cooperation.post(use: link)
    }

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
