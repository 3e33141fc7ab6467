import Fluent
import Vapor

/// `shabaka create-admin --email X [--name N]`: creates (or promotes) an administrator and prints a
/// one-time password to change at first sign-in.
public struct CreateAdminCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the administrator")
        var email: String?
        @Option(name: "name", help: "Display name (default: Administrator)")
        var name: String?
        public init() {}
    }

    public var help: String { "Create an administrator account and print a one-time password." }

    public init() {}

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email, Accounts.validateEmail(email).isEmpty else {
            throw CommandUsageError("--email must be a valid e-mail address")
        }
        let password = CSRF.randomToken().prefix(20).description
        let passwords = Passwords(app)
        let normalized = User.normalize(email: email)
        if let existing = try await User.query(on: app.db).filter(\.$email == normalized).first() {
            existing.passwordHash = try await passwords.hash(password)
            existing.mustChangePassword = true
            let id = try existing.requireID()
            try await app.db.transaction { tx in
                try await existing.save(on: tx)
                try await AuditLog.record(on: tx, actor: .system, action: "password.reset_by_cli", subjectType: "user",
                                          subjectID: id.uuidString, at: app.clock.now())
            }
            try await RoleChange.apply(grant: true, role: .admin, userID: id, actor: .system, on: app.db, now: app.clock.now())
        } else {
            let input = Accounts.SignUp(displayName: signature.name ?? "Administrator", email: normalized,
                                        password: password, passwordConfirmation: nil, language: .ar)
            let created = try await Accounts.create(input, roles: [.admin], on: app.db, passwords: passwords, actor: .system,
                                                    now: app.clock.now())
            created.mustChangePassword = true
            try await created.save(on: app.db)
        }
        context.console.print("Administrator: \(normalized)")
        context.console.print("One-time password: \(password)")
    }
}
