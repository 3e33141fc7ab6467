import Fluent
import Platform
import Vapor

/// Experts directory, person pages, one's own profile, personal data download and account erasure.
struct PeopleWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectorySiteURL.experts.pathComponents, use: experts)
        routes.get(DirectorySiteURL.people.pathComponents + [":id"], use: person)
        routes.get(DirectorySiteURL.myProfile.pathComponents, use: profileForm)
        routes.post(DirectorySiteURL.myProfile.pathComponents, use: saveProfile)
        routes.get(DirectorySiteURL.myData.pathComponents, use: download)
        routes.get(DirectorySiteURL.eraseAccount.pathComponents, use: eraseForm)
        routes.post(DirectorySiteURL.eraseAccount.pathComponents, use: erase)
    }

    /// The experts and academics (every kind but members unless `kind` says otherwise), as `/api/v1/people`.
    @Sendable func experts(req: Request) async throws -> Response {
        let pageQuery = try PageQuery(from: req)
        let filter = try await PeopleFilter.from(req, defaultKinds: Set(PersonProfileKind.allCases).subtracting([.member]))
        let (found, total) = try await PeopleQuery.page(filter, viewer: req.currentUser, page: pageQuery, on: req.db)
        let expertise = try await PeopleService.expertise(of: found.compactMap(\.id), on: req.db)
        let domainNames = try await Options.domainNames(req)
        let wilayaNames = try await Options.wilayaNames(req)
        let cards = found.compactMap { person -> ExpertCard? in
            guard let id = person.id else { return nil }
            return ExpertCard(id: id.uuidString, name: person.displayName, kind: person.kind.rawValue, sex: person.sex?.rawValue,
                              title: person.title,
                              wilaya: person.wilayaCode.flatMap { wilayaNames[$0] }, languages: person.languageList,
                              availability: person.availability.rawValue,
                              expertise: (expertise[id] ?? []).compactMap { domainNames[$0] }, isPrivate: !person.isPublic)
        }
        var parameters = filter.parameters
        if req.query[String.self, at: "kind"] == nil { parameters["kind"] = "" }
        let context = ExpertsContext(
            page: try await PageMeta.make(for: req, titleKey: "experts.title"), filter: parameters,
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            domains: try await Options.domains(req, selected: Set([filter.domain].compactMap { $0 })), experts: cards,
            total: total, pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: parameters))
        return try await req.render("directory/experts", context)
    }

    @Sendable func person(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await Person.find(id, on: req.db),
              person.erasedAt == nil else { throw DirectoryError.personNotFound }
        let isOwn = req.currentUser.map { $0.id == person.userID } ?? false
        // Without consent a profile does not exist for the public.
        guard person.isPublic || isOwn || req.currentUser?.may(.manageOrganizations) == true else {
            throw DirectoryError.personNotFound
        }
        let codes = try await PeopleService.expertise(of: [id], on: req.db)[id] ?? []
        let domainNames = try await Options.domainNames(req)
        let context = PersonContext(
            page: try await PageMeta.make(for: req, titleKey: "person.title", person.displayName),
            person: try PersonDTO(person, expertise: codes),
            wilaya: try await person.wilayaCode.asyncMap { try await Wilaya.find($0, on: req.db) }?.name(in: req.language),
            expertise: codes.compactMap { domainNames[$0] }, isOwn: isOwn)
        return try await req.render("directory/person", context)
    }
}
