import Fluent
import Platform
import Vapor

/// A company's social-responsibility pledge to a project or to the network, valued in minor units.
public final class CSRPledge: Model, @unchecked Sendable {
    public static let schema = "csr_pledges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "company_id") public var companyID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Enum(key: "kind") public var kind: PledgeKind
    @Field(key: "description") public var details: String
    @Field(key: "value_minor") public var valueMinor: Int64
    @Field(key: "delivered_minor") public var deliveredMinor: Int64
    @Field(key: "currency") public var currency: String
    @Enum(key: "state") public var state: PledgeState
    @Field(key: "pledged_on") public var pledgedOn: String

    public init() {}

    /// Delivered share of the pledged value, 0…100.
    public var fulfilment: Double {
        valueMinor > 0 ? min(100, Double(deliveredMinor) * 100 / Double(valueMinor)) : 0
    }
}
