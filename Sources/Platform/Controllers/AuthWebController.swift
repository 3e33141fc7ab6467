import Fluent
import Vapor

/// Sign-up, sign-in and sign-out pages.
struct AuthWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.signUp.pathComponents, use: signUpForm)
        routes.post(SiteURL.signUp.pathComponents, use: signUp)
        routes.get(SiteURL.signIn.pathComponents, use: signInForm)
        routes.post(SiteURL.signIn.pathComponents, use: signIn)
        routes.post(SiteURL.signOut.pathComponents, use: signOut)
    }

    @Sendable func signUpForm(req: Request) async throws -> Response {
        try await renderSignUp(req, form: .empty)
    }

    @Sendable func signUp(req: Request) async throws -> Response {
        let input = Accounts.SignUp(
            displayName: req.formField("display_name"), email: req.formField("email"),
            password: req.formField("password"), passwordConfirmation: req.formField("password_confirmation"),
            language: SiteLanguage(rawValue: req.formField("language")) ?? req.language
        )
        let values = ["display_name": input.displayName, "email": input.email, "language": input.language.rawValue]
        let address = ["signup:" + req.clientAddress]
        try await SignInThrottle.check(keys: address, limit: SignInThrottle.signUpLimit,
                                       window: SignInThrottle.signUpWindow, on: req)
        do {
            let user = try await Accounts.create(input, on: req.db, passwords: req.passwords, now: req.now)
            try await SignInThrottle.record(keys: address, on: req)
            try await req.signIn(userID: user.requireID())
            return req.seeOther(SiteURL.account.path(in: req.language) + "?welcome=1")
        } catch let failure as ValidationFailure {
            let form = FormState(values: values, fieldErrors: failure.fieldErrors, on: req)
            return try await renderSignUp(req, form: form, status: .unprocessableEntity)
        }
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
        let email = req.formField("email"), password = req.formField("password")
        let next = safeNext(req.formField("next"))
        let keys = SignInThrottle.keys(email: email, request: req)
        try await SignInThrottle.check(keys: keys, on: req)
        guard let user = try await Accounts.verify(email: email, password: password, on: req.db, passwords: req.passwords)
        else {
            try await SignInThrottle.record(keys: keys, on: req)
            let form = FormState(values: ["email": email, "next": next ?? ""], errors: [:],
                                 message: req.t("auth.sign_in.failed"))
            return try await renderSignIn(req, form: form, status: .unauthorized)
        }
        let id = try user.requireID()
        try await SignInThrottle.recordSuccess(email: email, on: req)
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

    /// Only same-site paths are followed after sign-in (no open redirect).
    private func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return nil }
        return raw
    }
}
