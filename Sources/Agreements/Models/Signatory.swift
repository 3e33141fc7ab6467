import Fluent
import Platform
import Vapor

/// Who signed, recorded by role (the platform records signatories by their function).
public final class Signatory: Model, @unchecked Sendable {
    public static let schema = "agreement_signatories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "role_title") public var roleTitle: Translated

    public init() {}

    public init(agreementID: UUID, organizationID: UUID, roleTitle: Translated) {
        self.agreementID = agreementID
        self.organizationID = organizationID
        self.roleTitle = roleTitle
    }
}
