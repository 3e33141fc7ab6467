import Fluent
import Platform
import Vapor

/// Which domains an organisation works in.
public final class OrganizationDomain: Model, @unchecked Sendable {
    public static let schema = "organization_domains"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "domain_code") public var domainCode: String

    public init() {}

    public init(organizationID: UUID, domainCode: String) {
        self.organizationID = organizationID
        self.domainCode = domainCode
    }
}
