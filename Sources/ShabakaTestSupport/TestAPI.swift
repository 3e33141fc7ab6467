import Foundation
import NIOConcurrencyHelpers
import Platform
import Vapor
import VaporTesting

/// The JSON API as a test world's accounts call it: each with its bearer token, asked for once.
public final class TestAPI: Sendable {
    public let app: Application
    private let tokens = NIOLockedValueBox<[String: String]>([:])

    public init(_ app: Application) {
        self.app = app
    }

    /// The account's bearer token (``apiToken(_:email:password:)``), the same one for every call.
    public func token(_ email: String) async throws -> String {
        if let token = tokens.withLockedValue({ $0[email] }) { return token }
        let token = try await apiToken(app, email: email)
        tokens.withLockedValue { $0[email] = token }
        return token
    }

    /// A call as `email` (anonymous when nil), with a JSON body, in a language.
    public func call(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil,
                     language: String = "en") async throws -> TestingHTTPResponse {
        let bearer = try await email.asyncMap(token)
        return try await apiCall(app, method, path, token: bearer, json: json, language: language)
    }
}

extension TestingHTTPResponse {
    /// The JSON answer as `T` (keys as the API writes them, for `Decodable` test types with snake_case names).
    public func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: body)
    }

    /// The `state` of a JSON answer.
    public var state: String? {
        struct Stated: Decodable { let state: String }
        return try? decoded(Stated.self).state
    }
}

/// A problem document's code and field names.
public struct TestProblem: Decodable, Sendable {
    public struct Field: Decodable, Sendable { public let field: String }
    public let code: String
    public let errors: [Field]
}
