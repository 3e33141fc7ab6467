import Directory
import Fluent
import Platform
import Vapor

public struct CooperationDTO: Content {
    public let id: UUID
    public let partnerID: UUID
    public let partner: Translated
    public let projectID: UUID?
    public let agreementID: UUID?
    public let nature: String
    public let description: String
    public let since: String

    static func list(_ links: [CooperationLink], on db: any Database) async throws -> [CooperationDTO] {
        let partners = try await Organization.query(on: db).filter(\.$id ~~ Set(links.map(\.partnerID))).all()
        let names = Dictionary(uniqueKeysWithValues: partners.compactMap { partner in partner.id.map { ($0, partner.name) } })
        return try links.map {
            CooperationDTO(id: try $0.requireID(), partnerID: $0.partnerID, partner: names[$0.partnerID] ?? Translated(),
                           projectID: $0.projectID, agreementID: $0.agreementID, nature: $0.nature.rawValue,
                           description: $0.summary, since: $0.since)
        }
    }
}
