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
        guard let slug = req.parameters.get("slug"),
              let organization = try await Organization.query(on: req.db).filter(\.$slug == slug).first()
        else { throw DirectoryError.organizationNotFound }
        let dto = try await OrganizationDTO.load(organization, on: req.db)
        let domainNames = try await Options.domainNames(req)
        let wilaya = try await organization.wilayaCode.asyncMap { try await Wilaya.find($0, on: req.db) }?
            .map { $0.name(in: req.language) }
        let related = try await Organization.query(on: req.db)
            .filter(\.$id ~~ (dto.memberships.map(\.networkID) + dto.members.map(\.memberID))).all()
        func views(_ list: [OrganizationDTO.MembershipDTO], other: (OrganizationDTO.MembershipDTO) -> UUID)
            -> [ShowContext.MembershipView]
        {
            list.compactMap { membership in
                guard let org = related.first(where: { $0.id == other(membership) }),
                      let state = MembershipState(rawValue: membership.state) else { return nil }
                let actions = req.currentUser.map { MembershipWorkflows.membership.actions(from: state, for: $0).map(\.action) }
                return .init(id: membership.id.uuidString, other: LocalizedText(org.name, in: req.language),
                             otherSlug: org.slug, state: membership.state, history: membership.history,
                             actions: actions ?? [])
            }
        }
        let user = req.currentUser
        var canApply = false
        if let user, user.may(.applyForMembership), organization.kind != .network {
            canApply = try await Representation.represents(userID: user.id, organizationID: dto.id, on: req.db)
                || user.may(.manageOrganizations)
        }
        let context = ShowContext(
            page: try await PageMeta.make(for: req, titleKey: "directory.organization_title",
                                          organization.name.resolve(in: req.language).text),
            organization: dto, name: LocalizedText(organization.name, in: req.language),
            summary: LocalizedText(organization.summary, in: req.language), wilaya: wilaya,
            domains: dto.domains.compactMap { domainNames[$0] },
            memberships: views(dto.memberships, other: \.networkID), members: views(dto.members, other: \.memberID),
            canApply: canApply)
        return try await req.render("directory/organization", context)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
