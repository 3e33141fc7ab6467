import Foundation
import Vapor

/// The API's description: `GET /api/v1/openapi.json` (OpenAPI 3.1, `Resources/OpenAPI/openapi.json`, read once at
/// start) and pages to browse it without JavaScript: `/{lang}/api/docs` (`/api/docs` leads there) lists every
/// operation by room; `/{lang}/api/docs/{room}` gives a room's operations with their parameters, bodies and answers;
/// `/{lang}/api/docs/schemas` every schema with its fields (one page for all would be too heavy for a phone).
public struct APIDocsController: RouteCollection, Sendable {
    let document: ByteBuffer?
    let parsed: JSONValue?

    public init(resourcesDirectory: String) {
        let data = FileManager.default.contents(atPath: resourcesDirectory + "OpenAPI/openapi.json")
        document = data.map { ByteBuffer(data: $0) }
        parsed = data.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
    }

    public func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "openapi.json", use: json)
        routes.get("api", "docs", use: redirect)
    }

    /// The page, under the language prefix.
    public struct Page: RouteCollection, Sendable {
        let docs: APIDocsController

        public func boot(routes: any RoutesBuilder) throws {
            routes.get(":lang", "api", "docs", use: docs.page)
            routes.get(":lang", "api", "docs", ":part", use: docs.page)
        }
    }

    public var page: Page { Page(docs: self) }

    @Sendable func json(req: Request) async throws -> Response {
        guard let document else { throw PlatformError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(buffer: document))
    }

    @Sendable func redirect(req: Request) async throws -> Response {
        let language = SiteLanguage.negotiate(req.headers.first(name: .acceptLanguage))
        return req.redirect(to: "/\(language.rawValue)/api/docs", redirectType: .normal)
    }

    @Sendable func page(req: Request) async throws -> Response {
        guard let parsed else { throw PlatformError.notFound }
        let part = req.parameters.get("part")
        let context = try await APIDocsPageContext.make(parsed, part: part, req)
        if let part, part != "schemas", context.groups.isEmpty { throw PlatformError.notFound }
        return try await req.render("platform/api-docs", context)
    }
}
