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
        let email = try req.form(PasswordForm.self).email ?? ""
        let errors = Accounts.validateEmail(email)
        guard errors.isEmpty else {
            let form = FormState(values: ["email": email], fieldErrors: errors, on: req)
            return try await render(req, "platform/forgot-password", titleKey: "auth.forgot.title", form: form,
                                    status: .unprocessableEntity)
        }
        try await SignInThrottle.address("reset", on: req)
        if let user = try await User.query(on: req.db).filter(\.$email == User.normalize(email: email))
            .filter(\.$erasedAt == nil).first() {
            try await sendLink(to: user, on: req)
        }
        // The same answer whether or not the address has an account, so it cannot be used to probe for members.
        let form = FormState(values: [:], errors: [:], message: req.t("auth.forgot.sent"))
        return try await render(req, "platform/forgot-password", titleKey: "auth.forgot.title", form: form)
    }

    private func sendLink(to user: User, on req: Request) async throws {
        let id = try user.requireID()
        let language = user.preferredLanguage
        let catalog = req.application.catalog
        // The link in the stored message carries a marker; the token travels beside it until it is sent.
        let link = req.application.shabakaConfig.baseURL + SiteURL.resetPassword.path(in: language) + "?token="
            + OutboxMessage.secretMarker
        try await req.db.transaction { tx in
            let token = try await AccountLinks.issue(.passwordReset, for: id, on: tx, now: req.now)
            try await Outbox.enqueue(
                to: user.email, subject: catalog.text("mail.reset.subject", in: language),
                body: catalog.text("mail.reset.body", in: language, arguments: [user.displayName, link]),
                kind: "password_reset",
                secret: (token, req.now.addingTimeInterval(AccountToken.Purpose.passwordReset.lifetime)),
                on: tx, at: req.now)
            try await AuditLog.record(on: tx, actor: AuditActor(userID: id), action: "password_reset.requested",
                                      subjectType: "user", subjectID: id.uuidString, at: req.now)
        }
    }

    @Sendable func resetForm(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard try await AccountLinks.peek(.passwordReset, token: token, on: req.db, now: req.now) != nil else {
            throw PlatformError.resetTokenInvalid
        }
        return try await render(req, "platform/reset-password", titleKey: "auth.reset.title",
                                form: FormState(values: ["token": token], errors: [:]))
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let form = try req.form(PasswordForm.self)
        let token = form.token ?? ""
        guard try await AccountLinks.peek(.passwordReset, token: token, on: req.db, now: req.now) != nil else {
            throw PlatformError.resetTokenInvalid
        }
        let password = form.password ?? ""
        let errors = Accounts.validatePassword(password, confirmation: form.passwordConfirmation)
        guard errors.isEmpty else {
            let form = FormState(values: ["token": token], fieldErrors: errors, on: req)
            return try await render(req, "platform/reset-password", titleKey: "auth.reset.title", form: form,
                                    status: .unprocessableEntity)
        }
        let hash = try await req.passwords.hash(password)
        try await req.db.transaction { tx in
            // Spent atomically: of two requests with the same link, only one changes the password.
            guard let userID = try await AccountLinks.spend(.passwordReset, token: token, on: tx, now: req.now),
                  let user = try await User.find(userID, on: tx), user.erasedAt == nil
            else { throw PlatformError.resetTokenInvalid }
            user.passwordHash = hash
            // Whoever can read the mailbox owns the address: the reset confirms it too.
            if user.emailConfirmedAt == nil { user.emailConfirmedAt = req.now }
            try await user.save(on: tx)
            // A new password ends every session and API token opened with the old one.
            try await Accounts.endSessions(of: userID, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(userID: userID), action: "password.reset",
                                      subjectType: "user", subjectID: userID.uuidString, at: req.now)
        }
        req.signOut()
        let done = FormState(values: [:], errors: [:], message: req.t("auth.reset.done"))
        return try await render(req, "platform/sign-in", titleKey: "auth.sign_in.title", form: done)
    }

    private func render(
        _ req: Request, _ view: String, titleKey: String, form: FormState, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let page = try await PageMeta.make(for: req, titleKey: titleKey, startsSession: true)
        return try await req.render(view, FormPageContext(page: page, form: form), status: status)
    }
}
