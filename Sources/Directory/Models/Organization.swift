import Fluent
import Platform
import Vapor

/// Kinds of organisation named in the founding document.
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case association
    case network
    case observatory
    case publicInstitution = "public_institution"
    case company
    case academicInstitution = "academic_institution"
    case internationalOrganization = "international_organization"
}

/// An organisation of any kind: association, network, observatory, public institution, company…
public final class Organization: Model, @unchecked Sendable {
    public static let schema = "organizations"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Enum(key: "kind") public var kind: OrganizationKind
    @Field(key: "name") public var name: Translated
    @Field(key: "description") public var summary: Translated
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?

    public init() {}

    public init(slug: String, kind: OrganizationKind, name: Translated, summary: Translated, wilayaCode: String?) {
        self.slug = slug
        self.kind = kind
        self.name = name
        self.summary = summary
        self.wilayaCode = wilayaCode
    }
}
