import Fluent
import Platform
import Vapor

/// A person who represents an organisation (and may act for it on the platform).
public final class OrganizationRepresentative: Model, @unchecked Sendable {
    public static let schema = "organization_representatives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Enum(key: "role") public var role: RepresentativeRole
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organizationID: UUID, personID: UUID, role: RepresentativeRole) {
        self.organizationID = organizationID
        self.personID = personID
        self.role = role
    }
}
