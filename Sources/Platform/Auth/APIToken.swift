import Crypto
import Fluent
import Vapor

/// A bearer token for the JSON API. Only its SHA-256 is stored, so a leaked table leaks no token.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date

    // relationships
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    /// A new random token and the hash to store.
    public static func generate() -> (token: String, hash: String) {
        let token = "shb_" + CSRF.randomToken()
        return (token, digest(token))
    }

    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}
