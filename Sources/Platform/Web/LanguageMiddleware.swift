import Vapor

/// Pages live under `/ar/`, `/fr/` or `/en/`; any other first segment is not a page (404).
public struct LanguageMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let raw = request.parameters.get("lang"), let language = SiteLanguage(rawValue: raw) else {
            throw PlatformError.notFound
        }
        request.language = language
        return try await next.respond(to: request)
    }
}
