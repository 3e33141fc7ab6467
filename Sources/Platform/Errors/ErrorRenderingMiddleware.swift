import Vapor

/// Renders every error as a translated HTML page (web) or `application/problem+json` (API),
/// so bad input never surfaces as a bare 500 or an English-only message.
public struct ErrorRenderingMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await Self.response(for: error, on: request)
        }
    }

    static func response(for error: any Error, on request: Request) async -> Response {
        let problem = ResolvedProblem(error: error, request: request)
        if problem.status == .internalServerError {
            request.logger.report(error: error)
        }
        if request.isAPI {
            return problem.jsonResponse()
        }
        if case PlatformError.signInRequired = error {
            let target = SiteURL.signIn.path(in: request.language) + "?next=" + request.url.path.urlQueryEncoded
            return request.redirect(to: target, redirectType: .normal)
        }
        do {
            let context = ErrorPageContext(
                page: try await PageMeta.make(for: request, titleKey: "error.page_title"),
                status: Int(problem.status.code), message: problem.message, code: problem.code, fields: problem.fields
            )
            let response = try await request.view.render("platform/error", context).encodeResponse(for: request)
            response.status = problem.status
            response.headers.add(contentsOf: problem.headers)
            return response
        } catch {
            request.logger.report(error: error)
            var headers = problem.headers
            headers.contentType = .plainText
            return Response(status: problem.status, headers: headers, body: .init(string: problem.message))
        }
    }
}

extension Request {
    /// API requests answer JSON problems; every other path answers HTML.
    public var isAPI: Bool { url.path == "/api" || url.path.hasPrefix("/api/") }
}

extension String {
    var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(.init(charactersIn: "&=+?"))) ?? ""
    }
}
