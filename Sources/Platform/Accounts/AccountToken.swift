import Fluent
import Vapor

/// A one-time link sent by e-mail (reset a password, confirm an address). Only its SHA-256 is stored.
public final class AccountToken: Model, @unchecked Sendable {
    public static let schema = "account_tokens"

    public enum Purpose: String, Codable, Sendable {
        case passwordReset = "password_reset"
        case emailConfirmation = "email_confirmation"

        /// How long a link stays valid.
        public var lifetime: TimeInterval {
            switch self {
            case .passwordReset: 3600
            case .emailConfirmation: 48 * 3600
            }
        }
    }

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Enum(key: "purpose") public var purpose: Purpose
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    init(userID: UUID, purpose: Purpose, tokenHash: String, at now: Date) {
        self.$user.id = userID
        self.purpose = purpose
        self.tokenHash = tokenHash
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(purpose.lifetime)
    }
}
