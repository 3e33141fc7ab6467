import Fluent
import Platform
import Vapor

/// A person asking to represent an organisation, or an organisation inviting someone (by e-mail) to.
public final class RepresentationRequest: Model, @unchecked Sendable {
    public static let schema = "representation_requests"

    /// How long an invitation's link stays valid.
    public static let invitationLifetime: TimeInterval = 14 * 86_400

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "organization_id") public var organizationID: UUID
    /// The person who asked, or who accepted an invitation (nil until then).
    @OptionalField(key: "user_id") public var userID: UUID?
    /// The address an invitation was sent to.
    @OptionalField(key: "invited_email") public var invitedEmail: String?
    /// Who sent the invitation.
    @OptionalField(key: "invited_by_user_id") public var invitedByUserID: UUID?
    /// SHA-256 of the invitation's link token.
    @OptionalField(key: "token_hash") public var tokenHash: String?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @Enum(key: "role") public var role: RepresentativeRole
    @Field(key: "message") public var message: String
    @Enum(key: "state") public var state: RepresentationState
    @OptionalField(key: "decided_by_user_id") public var decidedByUserID: UUID?
    @OptionalField(key: "decision_reason") public var decisionReason: String?

    public init() {}
}
