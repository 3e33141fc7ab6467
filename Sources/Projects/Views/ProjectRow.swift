import Directory
import Fluent
import Platform
import Vapor

/// One project in a list (API list item and page card).
public struct ProjectRow: Content {
    public let id: UUID
    public let slug: String
    public let title: Translated
    public let organizationID: UUID
    public let domainCode: String
    public let wilayaCode: String
    public let state: String
    public let budgetMinor: Int64
    public let currency: String

    init(_ project: Project) throws {
        id = try project.requireID()
        slug = project.slug
        title = project.title
        organizationID = project.organizationID
        domainCode = project.domainCode
        wilayaCode = project.wilayaCode
        state = project.state.rawValue
        budgetMinor = project.budgetMinor
        currency = project.currency
    }
}
