import Crypto
import Foundation
import Vapor

/// Placed right after Vapor's `SessionsMiddleware`: marks requests on which `request.session` may be used
/// (Vapor stops the process if it is touched otherwise, e.g. while rendering an early error).
struct SessionsReadyMarker: AsyncMiddleware {
    struct Key: StorageKey { typealias Value = Bool }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[Key.self] = true
        return try await next.respond(to: request)
    }
}
