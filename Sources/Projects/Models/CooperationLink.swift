import Fluent
import Platform
import Vapor

/// An international partner (UN agency, NGO, network) linked to a project or an agreement.
public final class CooperationLink: Model, @unchecked Sendable {
    public static let schema = "cooperation_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "partner_id") public var partnerID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @OptionalField(key: "agreement_id") public var agreementID: UUID?
    @Enum(key: "nature") public var nature: CooperationNature
    @Field(key: "description") public var summary: String
    @Field(key: "since") public var since: String

    public init() {}
}
