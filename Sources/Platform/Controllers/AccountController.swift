import Fluent
import Vapor

/// The signed-in person's own page.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.pathComponents, use: show)
        routes.post(SiteURL.account.pathComponents + ["password"], use: changePassword)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, form: .empty)
    }

    func render(_ req: Request, form: FormState) async throws -> Response {
        let user = try req.requireUser()
        let page = try await PageMeta.make(for: req, titleKey: "account.title")
        let account = try await User.find(user.id, on: req.db)
        let context = Context(
            page: page, name: user.displayName, email: user.email,
            roles: user.roles.map(\.rawValue).sorted(), welcome: req.query[String.self, at: "welcome"] == "1",
            mustChangePassword: account?.mustChangePassword == true,
            passwordChanged: req.query[String.self, at: "password_changed"] == "1", passwordForm: form)
        return try await req.render("platform/account", context, status: form.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct PasswordForm: Decodable {
        var currentPassword: String?
        var password: String?
        var passwordConfirmation: String?
    }

    /// One's own new password, after the current one (the one `create-admin` printed, for a new administrator).
    @Sendable func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(PasswordForm.self)
        return try await req.submitting {
            guard let account = try await User.find(user.id, on: req.db) else { throw PlatformError.signInRequired }
            var errors = Accounts.validatePassword(form.password ?? "", confirmation: form.passwordConfirmation ?? "")
            if try await !req.passwords.verify(form.currentPassword ?? "", created: account.passwordHash) {
                errors.insert(FieldError("current_password", "validation.current_password_wrong"), at: 0)
            }
            guard errors.isEmpty, let password = form.password else { throw ValidationFailure(errors) }
            account.passwordHash = try await req.passwords.hash(password)
            account.mustChangePassword = nil
            try await req.db.transaction { tx in
                try await account.save(on: tx)
                try await AuditLog.record(on: tx, actor: AuditActor(user), action: "password.changed", subjectType: "user",
                                          subjectID: user.id.uuidString, at: req.now)
            }
            return req.seeOther(SiteURL.account.path(in: req.language) + "?password_changed=1")
        } refused: { state in
            try await render(req, form: state)
        }
    }
}
