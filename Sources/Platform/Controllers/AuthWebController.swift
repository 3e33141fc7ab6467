import Fluent
import Vapor

/// Sign-up, sign-in and sign-out pages.
struct AuthWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.signUp.pathComponents, use: signUpForm)
        routes.post(SiteURL.signUp.pathComponents, use: signUp)
        routes.get(SiteURL.signUpSent.pathComponents, use: signUpSent)
        routes.get(SiteURL.confirmEmail.pathComponents, use: confirmForm)
        routes.post(SiteURL.confirmEmail.pathComponents, use: confirm)
        routes.get(SiteURL.signIn.pathComponents, use: signInForm)
        routes.post(SiteURL.signIn.pathComponents, use: signIn)
        routes.post(SiteURL.signOut.pathComponents, use: signOut)
    }

    @Sendable func signUpForm(req: Request) async throws -> Response {
        try await renderSignUp(req, form: .empty)
    }

    @Sendable func signUp(req: Request) async throws -> Response {
        let input = try req.form(SignUpForm.self).input(defaultLanguage: req.language)
        // Every attempt counts, failed or not: the form cannot be used to try addresses at speed.
        try await SignInThrottle.address("signup", on: req)
        do {
            let errors = Accounts.validate(input)
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await Throttle.hit("signup-email:" + User.normalize(email: input.email), SignInThrottle.signUpEmail,
                                   on: req.db, now: req.now)
            try await Accounts.signUp(input, on: req.db, passwords: req.passwords, mail: req.messaging, now: req.now)
        } catch let failure as ValidationFailure {
            let form = FormState(posted: req, fieldErrors: failure.fieldErrors)
            return try await renderSignUp(req, form: form, status: .unprocessableEntity)
        } catch where req.application.isUniqueViolation(error) {
            // Two sign-ups for one new address at once: the other one created it; the answer stays the same.
        }
        return req.seeOther(SiteURL.signUpSent.path(in: req.language))
    }

    @Sendable func signUpSent(req: Request) async throws -> Response {
        let page = try await PageMeta.make(for: req, titleKey: "auth.sign_up.sent.title")
        return try await req.render("platform/sign-up-sent", ["page": page])
    }

    /// The link from the mail shows a button: opening a link never changes anything (mail scanners open them).
    @Sendable func confirmForm(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard try await AccountLinks.peek(.emailConfirmation, token: token, on: req.db, now: req.now) != nil else {
            throw PlatformError.confirmationLinkInvalid
        }
        let page = try await PageMeta.make(for: req, titleKey: "auth.confirm.title", startsSession: true)
        return try await req.render("platform/confirm-email",
                                    FormPageContext(page: page, form: FormState(values: ["token": token], errors: [:])))
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let token = try req.form(PasswordForm.self).token ?? ""
        guard let user = try await Accounts.confirm(token: token, on: req.db, now: req.now) else {
            throw PlatformError.confirmationLinkInvalid
        }
        try await req.signIn(userID: user.requireID())
        return req.seeOther(SiteURL.account.path(in: user.preferredLanguage) + "?welcome=1")
    }

    private func renderSignUp(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let page = try await PageMeta.make(for: req, titleKey: "auth.sign_up.title", startsSession: true)
        return try await req.render("platform/sign-up", FormPageContext(page: page, form: form), status: status)
    }

    @Sendable func signInForm(req: Request) async throws -> Response {
        let next = safeNext(req.query[String.self, at: "next"])
        return try await renderSignIn(req, form: FormState(values: ["next": next ?? ""], errors: [:]))
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.form(SignInForm.self)
        let email = form.email ?? "", password = form.password ?? ""
        let next = safeNext(form.next)
        try await SignInThrottle.signIn(email: email, on: req)
        guard let user = try await Accounts.verify(email: email, password: password, on: req.db, passwords: req.passwords)
        else {
            let form = FormState(values: ["email": email, "next": next ?? ""], errors: [:],
                                 message: req.t("auth.sign_in.failed"))
            return try await renderSignIn(req, form: form, status: .unauthorized)
        }
        try await SignInThrottle.succeeded(email: email, on: req)
        guard user.emailConfirmedAt != nil else {
            // Right password, address never confirmed: a fresh link (at most a few an hour), and say so.
            if (try? await Throttle.hit("signup-email:" + user.email, SignInThrottle.signUpEmail, on: req.db,
                                        now: req.now)) != nil {
                try await req.db.transaction { tx in
                    try await Accounts.sendConfirmation(to: user, mail: req.messaging, on: tx, now: req.now)
                }
            }
            let form = FormState(values: ["email": email, "next": next ?? ""], errors: [:],
                                 message: req.t("auth.sign_in.unconfirmed"))
            return try await renderSignIn(req, form: form, status: .forbidden)
        }
        let id = try user.requireID()
        try await req.db.transaction { tx in
            try await AuditLog.record(on: tx, actor: AuditActor(userID: id), action: "session.created",
                                      subjectType: "user", subjectID: id.uuidString, at: req.now)
        }
        try await req.signIn(userID: id)
        return req.seeOther(next ?? SiteURL.account.path(in: user.preferredLanguage))
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if let user = req.currentUser {
            try await req.db.transaction { tx in
                try await AuditLog.record(on: tx, actor: AuditActor(user), action: "session.ended",
                                          subjectType: "user", subjectID: user.id.uuidString, at: req.now)
            }
        }
        req.signOut()
        return req.seeOther(SiteURL.home.path(in: req.language))
    }

    private func renderSignIn(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let page = try await PageMeta.make(for: req, titleKey: "auth.sign_in.title", startsSession: true)
        return try await req.render("platform/sign-in", FormPageContext(page: page, form: form), status: status)
    }

    /// Only this site's paths are followed after sign-in (no open redirect).
    private func safeNext(_ raw: String?) -> String? {
        LocalRedirect.path(raw)
    }
}
