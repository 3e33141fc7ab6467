import Fluent
import Vapor

/// A person with an account.
public final class User: Model, Authenticatable, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "preferred_language") public var preferredLanguage: SiteLanguage
    @OptionalField(key: "erased_at") public var erasedAt: Date?
    /// Set by `create-admin`: the password was printed on a terminal, the account page asks for one's own.
    @OptionalField(key: "must_change_password") public var mustChangePassword: Bool?
    /// When the person proved they read mail at `email` (nil: signed up, link not followed yet).
    @OptionalField(key: "email_confirmed_at") public var emailConfirmedAt: Date?

    // relationships
    @Children(for: \.$user) public var roleAssignments: [UserRole]

    public init() {}

    public init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, language: SiteLanguage) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.preferredLanguage = language
    }

    /// E-mail addresses are compared case-insensitively and without surrounding spaces.
    public static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
