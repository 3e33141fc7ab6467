import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The API's quotas: per token when one is sent, per address otherwise; the standard headers on every answer; a
/// refused request is a 429 problem with `Retry-After`, in the reader's language; the next minute starts afresh.
@Suite("API rate limits")
struct RateLimitTests {
    static func get(_ app: Application, _ path: String, token: String? = nil, language: String = "en") async throws
        -> TestingHTTPResponse
    {
        var headers: HTTPHeaders = ["Accept-Language": language]
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    @Test func anAddressHasItsQuotaAndTheHeadersSayWhereItStands() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_020))    // 20 s into a minute
        try await withShabaka(clock: clock, adjust: { $0.apiRequestsPerAddressPerMinute = 3 }) { app in
            var remaining: [String] = []
            for _ in 1...3 {
                let answer = try await Self.get(app, "/api/v1/organizations")
                #expect(answer.status == .ok)
                #expect(answer.headers.first(name: "RateLimit-Policy") == "3;w=60")
                #expect(answer.headers.first(name: "RateLimit-Limit") == "3")
                #expect(answer.headers.first(name: "RateLimit-Reset") == "40")
                remaining.append(answer.headers.first(name: "RateLimit-Remaining") ?? "")
            }
            #expect(remaining == ["2", "1", "0"])
            let refused = try await Self.get(app, "/api/v1/organizations", language: "fr")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers.first(name: "Retry-After") == "40")
            #expect(refused.headers.first(name: "RateLimit-Remaining") == "0")
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try refused.decoded(TestProblem.self).code == "platform.rate_limited")
            #expect(refused.body.string.contains("Trop de requêtes"))
            // pages are not counted
            #expect(try await Self.get(app, "/en/organizations").status == .ok)
            // the next minute starts afresh
            clock.advance(by: 40)
            let later = try await Self.get(app, "/api/v1/organizations")
            #expect(later.status == .ok && later.headers.first(name: "RateLimit-Remaining") == "2")
            #expect(later.headers.first(name: "RateLimit-Reset") == "60")
        }
    }

    @Test func eachTokenHasItsOwnQuotaApartFromTheAddress() async throws {
        try await withShabaka(adjust: {
            $0.apiRequestsPerTokenPerMinute = 2
            $0.apiRequestsPerAddressPerMinute = 5
        }) { app in
            try await makeUser(app, email: "first@example.org")
            try await makeUser(app, email: "second@example.org")
            let first = try await apiToken(app, email: "first@example.org")     // two anonymous requests (sign-in)
            let second = try await apiToken(app, email: "second@example.org")
            #expect(try await Self.get(app, "/api/v1/me", token: first).status == .ok)
            #expect(try await Self.get(app, "/api/v1/me", token: first).headers.first(name: "RateLimit-Remaining") == "0")
            #expect(try await Self.get(app, "/api/v1/me", token: first).status == .tooManyRequests)
            // another token still has its two; the address (without a token) its own three left
            #expect(try await Self.get(app, "/api/v1/me", token: second).status == .ok)
            let anonymous = try await Self.get(app, "/api/v1/organizations")
            #expect(anonymous.status == .ok && anonymous.headers.first(name: "RateLimit-Limit") == "5")
            #expect(anonymous.headers.first(name: "RateLimit-Remaining") == "2")
            // a made-up token is counted as a token, and refused for itself (401) within its quota
            #expect(try await Self.get(app, "/api/v1/me", token: "shb_made_up").status == .unauthorized)
        }
    }
}
