import Fluent
import Platform
import Vapor

/// An organisation a person represents, with where its verification stands and their role in it.
public struct MyOrganization: Content {
    let id: UUID
    let slug: String
    let kind: String
    let name: Translated
    let verification: String
    let verificationNote: String?
    let role: String

    static func list(of user: CurrentUser, on db: any Database) async throws -> [MyOrganization] {
        guard let personID = try await Person.query(on: db).filter(\.$userID == user.id).first()?.id else { return [] }
        let links = try await OrganizationRepresentative.query(on: db).filter(\.$personID == personID).all()
        let organizations = try await Organization.query(on: db).filter(\.$id ~~ links.map(\.organizationID))
            .sort(\.$sortName).all()
        return organizations.compactMap { organization in
            guard let id = organization.id, let link = links.first(where: { $0.organizationID == id }) else { return nil }
            return MyOrganization(id: id, slug: organization.slug, kind: organization.kind.rawValue, name: organization.name,
                                  verification: organization.verification.rawValue,
                                  verificationNote: organization.verificationNote, role: link.role.rawValue)
        }
    }
}
