import Fluent
import Platform
import Vapor

/// One delivery against a pledge.
public final class CSRDelivery: Model, @unchecked Sendable {
    public static let schema = "csr_deliveries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "pledge_id") public var pledgeID: UUID
    @Field(key: "delivered_on") public var deliveredOn: String
    @Field(key: "value_minor") public var valueMinor: Int64
    @Field(key: "note") public var note: String
    @Field(key: "recorded_by") public var recordedBy: String
    @OptionalField(key: "recorded_by_user_id") public var recordedByUserID: UUID?

    public init() {}
}
