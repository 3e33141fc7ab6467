import Fluent
import Platform
import Vapor

/// An organisation's membership of a network.
public final class NetworkMembership: Model, @unchecked Sendable {
    public static let schema = "network_memberships"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "network_id") public var networkID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Enum(key: "state") public var state: MembershipState
    @OptionalField(key: "application_id") public var applicationID: UUID?

    public init() {}

    public init(networkID: UUID, memberID: UUID, applicationID: UUID?) {
        self.networkID = networkID
        self.memberID = memberID
        self.applicationID = applicationID
        self.state = .active
    }
}
