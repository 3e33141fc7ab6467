import Fluent
import Platform
import Vapor

/// The public member directory and organisation pages.
struct DirectoryWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectorySiteURL.organizations.pathComponents, use: list)
        routes.get(DirectorySiteURL.organizations.pathComponents + [":slug"], use: show)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let filter = try await OrganizationFilter.from(req)
        let pageRequest = try PageQuery(from: req)
        let (rows, total) = try await OrganizationQuery.page(filter, page: pageRequest, index: req.application.directoryIndex, on: req.db, now: req.now)
        let store = req.application.directoryIndex, language = req.language.rawValue
        var cards: [String] = []
        var wilayaNames: [String: String]?
        for row in rows {
            if let html = store.fragment(row.id, language) {
                cards.append(html)
                continue
            }
            if wilayaNames == nil { wilayaNames = try await Options.wilayaNames(req) }
            let card = Card(
                id: row.id.uuidString, link: DirectorySiteURL.organizations.path(in: req.language), slug: row.slug, kind: row.kind,
                name: LocalizedText(row.name, in: req.language), summary: LocalizedText(row.description, in: req.language),
                wilaya: row.wilayaCode.flatMap { wilayaNames?[$0] })
            let view = try await req.view.render("directory/card", card)
            let html = String(buffer: view.data)
            store.storeFragment(row.id, language, html)
            cards.append(html)
        }
        var export = URLComponents()
        export.path = "/api/v1/organizations/export.csv"
        export.queryItems = filter.parameters.filter { !$0.value.isEmpty }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let context = ListContext(
            page: try await PageMeta.make(for: req, titleKey: "directory.title"), filter: filter.parameters,
            kinds: Options.kinds(req, selected: filter.kind?.rawValue),
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            domains: try await Options.domains(req, selected: Set([filter.domain].compactMap { $0 })),
            cards: cards, total: total,
            pagination: PaginationView(request: pageRequest, total: total, path: req.url.path, query: filter.parameters),
            exportLink: export.string ?? export.path)
        return try await req.render("directory/organizations", context)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.render(req, try await Self.organization(req), forms: OrganizationPageForms())
    }

    /// The organisation of the page's `:slug`, if the reader may see it.
    static func organization(_ req: Request) async throws -> Organization {
        guard let slug = req.parameters.get("slug"),
              let organization = try await Organization.query(on: req.db).filter(\.$slug == slug).first()
        else { throw DirectoryError.organizationNotFound }
        try await OrganizationPolicy.requireVisible(organization, viewer: req.currentUser, on: req.db)
        return organization
    }

    static func path(of organization: Organization, _ req: Request, anchor: String = "") -> String {
        DirectorySiteURL.organizations.path(in: req.language) + "/" + organization.slug + anchor
    }

    static func render(_ req: Request, _ organization: Organization, forms: OrganizationPageForms,
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = try await OrganizationPageContext.make(organization, forms: forms, req)
        return try await req.render("directory/organization", context, status: status)
    }
}
