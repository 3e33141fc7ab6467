import Fluent
import Vapor

/// Account rules shared by the web forms, the API and the CLI.
public enum Accounts {
    public static let minimumPasswordLength = 10
    public static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    public struct SignUp: Sendable {
        public var displayName: String
        public var email: String
        public var password: String
        public var passwordConfirmation: String?
        public var language: SiteLanguage

        public init(displayName: String, email: String, password: String, passwordConfirmation: String?,
                    language: SiteLanguage) {
            self.displayName = displayName
            self.email = email
            self.password = password
            self.passwordConfirmation = passwordConfirmation
            self.language = language
        }
    }

    /// Field errors for a sign-up; empty when it is acceptable.
    public static func validate(_ input: SignUp) -> [FieldError] {
        var errors: [FieldError] = []
        let name = input.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(FieldError("display_name", "validation.required"))
        } else if name.count > 120 {
            errors.append(FieldError("display_name", "validation.too_long", "120"))
        }
        errors += validateEmail(input.email)
        errors += validatePassword(input.password, confirmation: input.passwordConfirmation)
        return errors
    }

    static func validateEmail(_ raw: String, field: String = "email") -> [FieldError] {
        Validate.emailError(raw, field: field, required: true).map { [$0] } ?? []
    }

    static func validatePassword(_ password: String, confirmation: String?) -> [FieldError] {
        if password.isEmpty { return [FieldError("password", "validation.required")] }
        if password.count < minimumPasswordLength {
            return [FieldError("password", "validation.too_short", "\(minimumPasswordLength)")]
        }
        if password.utf8.count > 72 {
            // Bcrypt reads only the first 72 bytes; refuse rather than silently truncate.
            return [FieldError("password", "validation.too_long", "72")]
        }
        if let confirmation, confirmation != password {
            return [FieldError("password_confirmation", "validation.password_mismatch")]
        }
        return []
    }

    /// Creates the account with the citizen role, audited, in one transaction. Accounts made by staff, the
    /// command line or the demo count as confirmed; a sign-up is confirmed by its e-mail link.
    public static func create(
        _ input: SignUp, roles: [Role] = [.citizen], on db: any Database, passwords: Passwords,
        actor: AuditActor? = nil, confirmed: Bool = true, now: Date
    ) async throws -> User {
        let errors = validate(input)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let email = User.normalize(email: input.email)
        if try await User.query(on: db).filter(\.$email == email).count() > 0 {
            throw ValidationFailure([FieldError("email", "validation.email_taken")])
        }
        let hash = try await passwords.hash(input.password)
        return try await db.transaction { tx in
            try await insert(input, email: email, hash: hash, roles: roles, confirmed: confirmed, actor: actor,
                             on: tx, now: now)
        }
    }

    static func insert(
        _ input: SignUp, email: String, hash: String, roles: [Role], confirmed: Bool, actor: AuditActor?,
        on tx: any Database, now: Date
    ) async throws -> User {
        let user = User(email: email, displayName: input.displayName.trimmingCharacters(in: .whitespacesAndNewlines),
                        passwordHash: hash, language: input.language)
        user.emailConfirmedAt = confirmed ? now : nil
        try await user.create(on: tx)
        let id = try user.requireID()
        for role in roles {
            try await UserRole(userID: id, role: role).create(on: tx)
        }
        try await AuditLog.record(
            on: tx, actor: actor ?? AuditActor(userID: id), action: "user.created", subjectType: "user",
            subjectID: id.uuidString, details: ["roles": roles.map(\.rawValue).joined(separator: ",")], at: now)
        return user
    }

    /// The account for these credentials, or nil. An unknown address costs a full password check too, so
    /// timing reveals nothing.
    static func verify(email: String, password: String, on db: any Database, passwords: Passwords) async throws -> User? {
        let user = try await User.query(on: db).filter(\.$email == User.normalize(email: email))
            .filter(\.$erasedAt == nil).first()
        guard let user else {
            try await passwords.verifyAgainstNobody(password)
            return nil
        }
        return try await passwords.verify(password, created: user.passwordHash) ? user : nil
    }

    /// Ends every session and API token of a person (password reset, erasure).
    public static func endSessions(of userID: UUID, on db: any Database) async throws {
        try await StoredSession.query(on: db).filter(\.$userID == userID).delete()
        try await APIToken.query(on: db).filter(\.$user.$id == userID).delete()
    }

    /// What the Platform keeps about a person who is being erased, removed inside the erasure's transaction:
    /// sessions, tokens, one-time links, mail to their address, and the attempt counters of the address.
    public static func forget(userID: UUID, email: String, on db: any Database) async throws {
        try await endSessions(of: userID, on: db)
        try await AccountToken.query(on: db).filter(\.$user.$id == userID).delete()
        try await OutboxMessage.query(on: db).filter(\.$recipient == email).delete()
        try await Throttle.clear(SignInThrottle.accountKey(email), on: db)
        try await Throttle.clear("signup-email:" + User.normalize(email: email), on: db)
    }
}
