import Vapor

/// Refuses a body larger than `SHABAKA_MAX_BODY_BYTES` with a translated 413, and collects the body of
/// every unsafe request before any later middleware reads it.
///
/// On a real socket a body arrives in pieces: global middleware runs before the route collects it, so
/// without this step `CSRFMiddleware` (and anything else reading `req.content`) would see no body at
/// all once a form outgrows the first packet (about 1 KB of Arabic text). In-process tests hand the
/// body over whole and never showed it; `RealSocketTests` posts a 20 KB form over TCP.
public struct BodyLimitMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Documents are sent to an address ending in `/attachments` (or `/resources`, the library's documents): their
        // limit, plus room for the form's fields.
        let config = request.application.shabakaConfig
        let path = request.url.path
        let limit = (path.hasSuffix("/attachments") || path.hasSuffix("/resources")) && request.method == .POST
            ? config.maxUploadBytes + 65_536 : config.maxBodyBytes
        let announced = request.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        guard announced <= limit, (request.body.data?.readableBytes ?? 0) <= limit else {
            throw PlatformError.payloadTooLarge(limit: limit)
        }
        if request.body.data == nil, ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            do {
                // `consume(max:)` refuses a body that reaches `max`, so allow one byte more than the limit.
                _ = try await request.body.collect(max: limit + 1).get()
            } catch let abort as Abort where abort.status == .payloadTooLarge {
                throw PlatformError.payloadTooLarge(limit: limit)
            }
        }
        return try await next.respond(to: request)
    }
}
