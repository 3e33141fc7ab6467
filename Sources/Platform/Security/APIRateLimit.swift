import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Requests to `/api` allowed per minute: per token when the request carries one (`Authorization: Bearer …`,
/// `SHABAKA_API_RATE_PER_TOKEN`), otherwise per address (`SHABAKA_API_RATE_PER_ADDRESS`; many people may share
/// one, behind a school's or a café's connection). Every answer says where its caller stands with the standard
/// headers (IETF httpapi "RateLimit header fields"): `RateLimit-Policy: 600;w=60` (the quota and its window),
/// `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window ends). Beyond the
/// quota: 429 problem details (`platform.rate_limited`) with `Retry-After`, before anything else is done (the
/// token is not even looked up).
///
/// Counted in memory, in fixed one-minute windows, by each server process (no write to the database per request);
/// several servers behind one proxy each count their own share.
public struct APIRateLimit: AsyncMiddleware {
    public static let window = 60

    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.isAPI else { return try await next.respond(to: request) }
        let config = request.application.shabakaConfig
        let key: String, limit: Int
        if let bearer = request.headers.bearerAuthorization {
            key = "token:" + APIToken.digest(bearer.token)
            limit = config.apiRequestsPerTokenPerMinute
        } else {
            key = "address:" + request.clientAddress
            limit = config.apiRequestsPerAddressPerMinute
        }
        let standing = request.application.apiRateCounter.hit(key, limit: limit, now: request.now)
        guard standing.allowed else {
            throw PlatformError.rateLimited(limit: limit, retryAfterSeconds: standing.reset)
        }
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "RateLimit-Policy", value: "\(limit);w=\(Self.window)")
        response.headers.replaceOrAdd(name: "RateLimit-Limit", value: "\(limit)")
        response.headers.replaceOrAdd(name: "RateLimit-Remaining", value: "\(standing.remaining)")
        response.headers.replaceOrAdd(name: "RateLimit-Reset", value: "\(standing.reset)")
        return response
    }

    /// The headers of a refused request (429), with `Retry-After`.
    static func refusedHeaders(limit: Int, reset: Int) -> HTTPHeaders {
        ["Retry-After": "\(reset)", "RateLimit-Policy": "\(limit);w=\(window)", "RateLimit-Limit": "\(limit)",
         "RateLimit-Remaining": "0", "RateLimit-Reset": "\(reset)"]
    }
}

/// The fixed-window counters behind ``APIRateLimit``: one entry per key and minute; entries of past minutes are
/// dropped when a new minute starts.
public final class APIRateCounter: Sendable {
    public struct Standing: Sendable {
        public let allowed: Bool
        public let remaining: Int
        /// Seconds until the window ends (at least 1).
        public let reset: Int
    }

    private struct State {
        var windowStart = 0
        var hits: [String: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    public func hit(_ key: String, limit: Int, now: Date) -> Standing {
        let second = Int(now.timeIntervalSince1970.rounded(.down))
        let start = second - second % APIRateLimit.window
        let reset = max(1, start + APIRateLimit.window - second)
        return state.withLockedValue { state in
            if state.windowStart != start {
                state.windowStart = start
                state.hits = [:]
            }
            let used = state.hits[key, default: 0]
            guard used < limit else { return Standing(allowed: false, remaining: 0, reset: reset) }
            state.hits[key] = used + 1
            return Standing(allowed: true, remaining: limit - used - 1, reset: reset)
        }
    }
}

extension Application {
    struct APIRateCounterKey: StorageKey { typealias Value = APIRateCounter }

    /// Set when the Platform room is configured.
    public var apiRateCounter: APIRateCounter {
        storage[APIRateCounterKey.self] ?? APIRateCounter()
    }
}
