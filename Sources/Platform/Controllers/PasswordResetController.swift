import Fluent
import Vapor

/// "Forgot password": a one-time link sent through the outbox, then a form to choose a new password.
struct PasswordResetController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.forgotPassword.pathComponents, use: forgotForm)
        routes.post(SiteURL.forgotPassword.pathComponents, use: requestReset)
        routes.get(SiteURL.resetPassword.pathComponents, use: resetForm)
        routes.post(SiteURL.resetPassword.pathComponents, use: reset)
    }

    @Sendable func forgotForm(req: Request) async throws -> Response {
        try await render(req, "platform/forgot-password", titleKey: "auth.forgot.title", form: .empty)
    }

    @Sendable func requestReset(req: Request) async throws -> Response {
        let email = req.formField("email")
        let errors = Accounts.validateEmail(email)
        guard errors.isEmpty else {
            let form = FormState(values: ["email": email], fieldErrors: errors, on: req)
            return try await render(req, "platform/forgot-password", titleKey: "auth.forgot.title", form: form,
                                    status: .unprocessableEntity)
        }
        try await SignInThrottle.check(keys: ["reset:" + req.clientAddress], limit: 10, window: 3600, on: req)
        try await SignInThrottle.record(keys: ["reset:" + req.clientAddress], on: req)
        if let user = try await User.query(on: req.db).filter(\.$email == User.normalize(email: email))
            .filter(\.$erasedAt == nil).first() {
            try await sendLink(to: user, on: req)
        }
        // The same answer whether or not the address has an account, so it cannot be used to probe for members.
        let form = FormState(values: [:], errors: [:], message: req.t("auth.forgot.sent"))
        return try await render(req, "platform/forgot-password", titleKey: "auth.forgot.title", form: form)
    }

    private func sendLink(to user: User, on req: Request) async throws {
        let (token, hash) = APIToken.generate()
        let id = try user.requireID()
        let language = user.preferredLanguage
        let catalog = req.application.catalog
        let link = req.application.shabakaConfig.baseURL + SiteURL.resetPassword.path(in: language) + "?token=" + token
        try await req.db.transaction { tx in
            try await PasswordReset(userID: id, tokenHash: hash, expiresAt: req.now.addingTimeInterval(Accounts.resetLifetime))
                .create(on: tx)
            try await Outbox.enqueue(
                to: user.email, subject: catalog.text("mail.reset.subject", in: language),
                body: catalog.text("mail.reset.body", in: language, arguments: [user.displayName, link]),
                kind: "password_reset", on: tx, at: req.now)
            try await AuditLog.record(on: tx, actor: AuditActor(userID: id), action: "password_reset.requested",
                                      subjectType: "user", subjectID: id.uuidString, at: req.now)
        }
    }

    @Sendable func resetForm(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard try await validReset(token: token, on: req) != nil else { throw PlatformError.resetTokenInvalid }
        return try await render(req, "platform/reset-password", titleKey: "auth.reset.title",
                                form: FormState(values: ["token": token], errors: [:]))
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let token = req.formField("token")
        guard let reset = try await validReset(token: token, on: req) else { throw PlatformError.resetTokenInvalid }
        let password = req.formField("password")
        let errors = Accounts.validatePassword(password, confirmation: req.formField("password_confirmation"))
        guard errors.isEmpty else {
            let form = FormState(values: ["token": token], fieldErrors: errors, on: req)
            return try await render(req, "platform/reset-password", titleKey: "auth.reset.title", form: form,
                                    status: .unprocessableEntity)
        }
        let hash = try await req.passwords.hash(password)
        let userID = reset.$user.id
        try await req.db.transaction { tx in
            guard let user = try await User.find(userID, on: tx) else { throw PlatformError.resetTokenInvalid }
            user.passwordHash = hash
            try await user.save(on: tx)
            reset.usedAt = req.now
            try await reset.save(on: tx)
            // A new password ends every API token issued with the old one.
            try await APIToken.query(on: tx).filter(\.$user.$id == userID).delete()
            try await AuditLog.record(on: tx, actor: AuditActor(userID: userID), action: "password.reset",
                                      subjectType: "user", subjectID: userID.uuidString, at: req.now)
        }
        let form = FormState(values: [:], errors: [:], message: req.t("auth.reset.done"))
        return try await render(req, "platform/sign-in", titleKey: "auth.sign_in.title", form: form)
    }

    private func validReset(token: String, on req: Request) async throws -> PasswordReset? {
        guard !token.isEmpty else { return nil }
        return try await PasswordReset.query(on: req.db).filter(\.$tokenHash == APIToken.digest(token))
            .filter(\.$usedAt == nil).filter(\.$expiresAt > req.now).first()
    }

    private func render(
        _ req: Request, _ view: String, titleKey: String, form: FormState, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let page = try await PageMeta.make(for: req, titleKey: titleKey, startsSession: true)
        return try await req.render(view, FormPageContext(page: page, form: form), status: status)
    }
}
