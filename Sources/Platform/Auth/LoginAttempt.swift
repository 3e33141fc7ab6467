import Fluent
import Vapor

/// A failed sign-in (or a sign-up), kept in the database so that every instance sees the same counts.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "throttle_key") var key: String
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(key: String, at date: Date) {
        self.key = key
        self.attemptedAt = date
    }
}

/// Sign-in throttling: after `limit` failures for one account or one address within `window`,
/// further attempts are refused with 429 and `Retry-After` until the oldest failure ages out.
public struct SignInThrottle: Sendable {
    public static let limit = 5
    public static let window: TimeInterval = 15 * 60
    public static let signUpLimit = 10
    public static let signUpWindow: TimeInterval = 60 * 60

    static func keys(email: String, request: Request) -> [String] {
        ["account:" + User.normalize(email: email), "address:" + request.clientAddress]
    }

    /// Throws 429 when any key has reached the limit.
    static func check(keys: [String], limit: Int = limit, window: TimeInterval = window, on request: Request) async throws {
        let now = request.now
        for key in keys {
            let recent = try await LoginAttempt.query(on: request.db).filter(\.$key == key)
                .filter(\.$attemptedAt > now.addingTimeInterval(-window)).sort(\.$attemptedAt).all()
            if recent.count >= limit, let oldest = recent.first?.attemptedAt {
                let retryAfter = Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up))
                throw PlatformError.tooManyAttempts(retryAfterSeconds: max(1, retryAfter))
            }
        }
    }

    static func record(keys: [String], on request: Request) async throws {
        for key in keys {
            try await LoginAttempt(key: key, at: request.now).create(on: request.db)
        }
    }

    /// A success clears the account's failures ("in a row"), not the address's.
    static func recordSuccess(email: String, on request: Request) async throws {
        try await LoginAttempt.query(on: request.db).filter(\.$key == "account:" + User.normalize(email: email)).delete()
    }
}

extension Request {
    /// The client's address as seen by this server (no proxy headers are trusted).
    var clientAddress: String { remoteAddress?.ipAddress ?? "local" }
}
