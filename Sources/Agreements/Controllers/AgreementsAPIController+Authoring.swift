import Fluent
import Platform
import Vapor

/// `POST /api/v1/agreements` (the whole agreement, in the shape `GET` returns) and `PATCH` (what it names).
extension AgreementsAPIController {
    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let agreement = try await AgreementAuthoring.create(try req.content.decode(AgreementInput.self), by: user, req.service)
        let response = try await AgreementDTO.load(agreement, for: req).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/agreements/" + agreement.slug)
        return response
    }

    @Sendable func update(req: Request) async throws -> AgreementDTO {
        let user = try req.requireUser()
        let agreement = try await req.find(Agreement.self, "agreement", orElse: AgreementsError.agreementNotFound)
        try await AgreementAuthoring.update(agreement, with: try req.content.decode(AgreementInput.self), by: user, req.service)
        return try await AgreementDTO.load(agreement, for: req)
    }
}
