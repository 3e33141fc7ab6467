import Fluent
import Platform
import SQLKit
import Vapor

/// One row of a directory list, read with SQLKit (lists never decode full models); also the API's list item.
public struct OrganizationRow: Content {
    public let id: UUID
    public let slug: String
    public let kind: String
    public let name: Translated
    public let description: Translated
    public let wilayaCode: String?

    enum CodingKeys: String, CodingKey {
        case id, slug, kind, name, description, wilayaCode = "wilaya_code"
    }
}
