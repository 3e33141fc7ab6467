import Vapor

/// Errors of the Platform room.
public enum PlatformError: ShabakaError {
    case signInRequired
    case forbidden(permission: Permission)
    case csrfMismatch
    case tooManyAttempts(retryAfterSeconds: Int)
    /// More API requests than the minute's quota (``APIRateLimit``).
    case rateLimited(limit: Int, retryAfterSeconds: Int)
    case invalidCredentials
    case invalidToken
    case resetTokenInvalid
    case notFound
    case payloadTooLarge(limit: Int)
    case confirmationLinkInvalid
    case emailUnconfirmed
    case submissionInProgress
    case idempotencyKeyReused
    case attachmentNotAllowed

    public var status: HTTPResponseStatus {
        switch self {
        case .signInRequired, .invalidCredentials, .invalidToken: .unauthorized
        case .forbidden, .csrfMismatch: .forbidden
        case .tooManyAttempts, .rateLimited: .tooManyRequests
        case .resetTokenInvalid: .badRequest
        case .notFound: .notFound
        case .payloadTooLarge: .payloadTooLarge
        case .confirmationLinkInvalid: .badRequest
        case .emailUnconfirmed, .attachmentNotAllowed: .forbidden
        case .submissionInProgress: .conflict
        case .idempotencyKeyReused: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .signInRequired: "platform.sign_in_required"
        case .forbidden: "platform.forbidden"
        case .attachmentNotAllowed: "platform.attachment_not_allowed"
        case .csrfMismatch: "platform.csrf_mismatch"
        case .tooManyAttempts: "platform.too_many_attempts"
        case .rateLimited: "platform.rate_limited"
        case .invalidCredentials: "platform.invalid_credentials"
        case .invalidToken: "platform.invalid_token"
        case .resetTokenInvalid: "platform.reset_token_invalid"
        case .notFound: "platform.not_found"
        case .payloadTooLarge: "platform.payload_too_large"
        case .confirmationLinkInvalid: "platform.confirmation_link_invalid"
        case .emailUnconfirmed: "platform.email_unconfirmed"
        case .submissionInProgress: "platform.submission_in_progress"
        case .idempotencyKeyReused: "platform.idempotency_key_reused"
        }
    }

    public var messageKey: String { "error." + code.replacingOccurrences(of: "platform.", with: "") }

    public var messageArguments: [String] {
        switch self {
        case .tooManyAttempts(let seconds): ["\(max(1, (seconds + 59) / 60))"]
        case .rateLimited(let limit, let seconds): ["\(limit)", "\(seconds)"]
        case .payloadTooLarge(let limit): ["\(limit / 1024)"]
        default: []
        }
    }

    public var extraHeaders: HTTPHeaders {
        switch self {
        case .tooManyAttempts(let seconds): ["Retry-After": "\(seconds)"]
        case .rateLimited(let limit, let seconds): APIRateLimit.refusedHeaders(limit: limit, reset: seconds)
        case .signInRequired, .invalidToken: ["WWW-Authenticate": "Bearer"]
        default: [:]
        }
    }

    /// A 403 names the roles that would have been allowed, in the reader's language.
    public func localizedArguments(_ text: (String) -> String) -> [String] {
        guard case .forbidden(let permission) = self else { return messageArguments }
        return [AccessPolicy.roles(granting: permission).map { text("role." + $0.rawValue) }.joined(separator: text("list.separator"))]
    }
}
