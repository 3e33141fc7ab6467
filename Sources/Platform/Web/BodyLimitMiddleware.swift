import Vapor

/// Refuses a body larger than `SHABAKA_MAX_BODY_BYTES` with a translated 413, whether it arrives
/// announced by `Content-Length` or already collected.
public struct BodyLimitMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.application.shabakaConfig.maxBodyBytes
        let announced = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        let collected = request.body.data?.readableBytes ?? 0
        guard announced <= limit, collected <= limit else {
            throw PlatformError.payloadTooLarge(limit: limit)
        }
        return try await next.respond(to: request)
    }
}
