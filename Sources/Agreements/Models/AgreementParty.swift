import Fluent
import Platform
import Vapor

/// An organisation party to an agreement.
public final class AgreementParty: Model, @unchecked Sendable {
    public static let schema = "agreement_parties"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "position") public var position: Int

    public init() {}

    public init(agreementID: UUID, organizationID: UUID, position: Int) {
        self.agreementID = agreementID
        self.organizationID = organizationID
        self.position = position
    }
}
