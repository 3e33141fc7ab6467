import Fluent
import Platform
import Vapor

/// A request to represent an organisation, or an invitation to, as its deciders and its author see it.
public struct RepresentationDTO: Content {
    let id: UUID
    let organizationID: UUID
    let organizationSlug: String
    let organizationName: Translated
    /// The person who asked or accepted (their name from their account; "former member" once erased).
    let userID: UUID?
    let userName: String?
    /// The address an invitation went to.
    let invitedEmail: String?
    let role: String
    let message: String
    let state: String
    let decisionReason: String?
    let expiresAt: Date?
    let createdAt: Date?
    let history: [WorkflowStepView]

    static func list(_ requests: [RepresentationRequest], reader: Reader, on db: any Database) async throws
        -> [RepresentationDTO]
    {
        let organizations = try await Organization.query(on: db)
            .filter(\.$id ~~ Set(requests.map(\.organizationID))).all()
        let names = try await reader.authorNames(requests.map(\.userID), on: db)
        return try await requests.asyncMap { request in
            let id = try request.requireID()
            let organization = organizations.first { $0.id == request.organizationID }
            return RepresentationDTO(
                id: id, organizationID: request.organizationID, organizationSlug: organization?.slug ?? "",
                organizationName: organization?.name ?? Translated(), userID: request.userID,
                userName: request.userID.map { names.name(of: $0, stored: "") }, invitedEmail: request.invitedEmail,
                role: request.role.rawValue, message: request.message, state: request.state.rawValue,
                decisionReason: request.decisionReason, expiresAt: request.expiresAt, createdAt: request.createdAt,
                history: try await WorkflowStepView.history(workflow: OrganizationWorkflows.representation.name,
                                                        subjectID: id, on: db))
        }
    }
}
