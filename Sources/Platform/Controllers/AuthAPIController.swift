import Fluent
import Vapor

/// `POST /api/v1/auth/tokens`, `DELETE /api/v1/auth/tokens/current`, `GET /api/v1/me`.
struct AuthAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("auth", "tokens", use: issueToken)
        api.delete("auth", "tokens", "current", use: revokeToken)
        api.get("me", use: me)
    }

    @Sendable func issueToken(req: Request) async throws -> Response {
        let input = try req.content.decode(TokenRequest.self)
        var errors = Accounts.validateEmail(input.email)
        if input.password.isEmpty { errors.append(FieldError("password", "validation.required")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await SignInThrottle.signIn(email: input.email, on: req)
        guard let user = try await Accounts.verify(email: input.email, password: input.password, on: req.db,
                                                   passwords: req.passwords)
        else { throw PlatformError.invalidCredentials }
        try await SignInThrottle.succeeded(email: input.email, on: req)
        guard user.emailConfirmedAt != nil else { throw PlatformError.emailUnconfirmed }
        let id = try user.requireID()
        let (token, hash) = APIToken.generate()
        let expires = req.now.addingTimeInterval(Accounts.tokenLifetime)
        try await req.db.transaction { tx in
            try await APIToken(userID: id, tokenHash: hash, expiresAt: expires).create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(userID: id), action: "api_token.created",
                                      subjectType: "user", subjectID: id.uuidString, at: req.now)
        }
        guard let current = try await CurrentUser.load(userID: id, on: req.db) else { throw PlatformError.invalidCredentials }
        let body = TokenResponse(token: token, tokenType: "Bearer", expiresAt: expires, user: MeResponse(current))
        let response = try await body.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let user = try req.requireUser()
        guard let bearer = req.headers.bearerAuthorization else { throw PlatformError.invalidToken }
        try await req.db.transaction { tx in
            try await APIToken.query(on: tx).filter(\.$tokenHash == APIToken.digest(bearer.token)).delete()
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "api_token.revoked",
                                      subjectType: "user", subjectID: user.id.uuidString, at: req.now)
        }
        return .noContent
    }

    @Sendable func me(req: Request) async throws -> MeResponse {
        MeResponse(try req.requireUser())
    }
}
