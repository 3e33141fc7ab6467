import Fluent
import SQLKit
import Vapor

/// The throttles of sign-in, sign-up, password reset and API tokens.
public enum SignInThrottle {
    /// Failures of one account (successes clear them): fixed, so a guesser gets five tries per quarter hour.
    public static let account = ThrottleRule(limit: 5, window: 15 * 60)
    /// Sign-up notices to one e-mail address (nobody can flood an inbox through the sign-up form).
    public static let signUpEmail = ThrottleRule(limit: 3, window: 3600)

    static func accountKey(_ email: String) -> String { "account:" + User.normalize(email: email) }

    /// Takes a sign-in attempt's slots: one for the address, one for the account.
    static func signIn(email: String, on request: Request) async throws {
        try await address("signin", on: request)
        try await Throttle.hit(accountKey(email), account, on: request.db, now: request.now)
    }

    /// Takes one slot of `action` for the request's address (`SHABAKA_THROTTLE_PER_ADDRESS` a minute).
    static func address(_ action: String, on request: Request) async throws {
        let rule = ThrottleRule(limit: request.application.shabakaConfig.attemptsPerAddressPerMinute, window: 60)
        try await Throttle.hit(action + ":" + request.clientAddress, rule, on: request.db, now: request.now)
    }

    /// A success clears the account's failures ("in a row"), not the address's.
    static func succeeded(email: String, on request: Request) async throws {
        try await Throttle.clear(accountKey(email), on: request.db)
    }
}
