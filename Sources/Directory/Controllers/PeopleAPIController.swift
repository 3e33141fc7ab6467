import Fluent
import Platform
import Vapor

/// `/api/v1/people`: public expert profiles (staff see every profile), one's own profile, personal data.
struct PeopleAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = routes.grouped("api", "v1", "people")
        people.get(use: list)
        people.get("me", use: mine)
        people.put("me", use: saveMine)
        people.get(":id", use: show)
        routes.grouped("api", "v1", "me").get("data", use: personalData)
        routes.grouped("api", "v1", "me").delete(use: erase)
    }

    @Sendable func list(req: Request) async throws -> Paged<PersonDTO> {
        let page = try PageQuery(from: req)
        let filter = try await PeopleFilter.from(req)
        let (people, total) = try await PeopleQuery.page(filter, viewer: req.currentUser, page: page, on: req.db)
        let expertise = try await PeopleService.expertise(of: people.compactMap(\.id), on: req.db)
        return Paged(items: try people.map { try PersonDTO($0, expertise: expertise[$0.id ?? UUID()] ?? []) },
                     request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> PersonDTO {
        guard let id = req.parameters.get("id", as: UUID.self), let person = try await Person.find(id, on: req.db),
              person.erasedAt == nil else { throw DirectoryError.personNotFound }
        let allowed = person.isPublic || req.currentUser?.id == person.userID
            || req.currentUser?.may(.manageOrganizations) == true
        guard allowed else { throw DirectoryError.personNotFound }
        return try PersonDTO(person, expertise: try await PeopleService.expertise(of: [id], on: req.db)[id] ?? [])
    }

    @Sendable func mine(req: Request) async throws -> PersonDTO {
        let user = try req.requireUser()
        guard let person = try await Person.query(on: req.db).filter(\.$userID == user.id).first(), let id = person.id else {
            throw DirectoryError.personNotFound
        }
        return try PersonDTO(person, expertise: try await PeopleService.expertise(of: [id], on: req.db)[id] ?? [])
    }

    @Sendable func saveMine(req: Request) async throws -> PersonDTO {
        let user = try req.requireUser()
        let person = try await PeopleService.saveOwnProfile(try req.content.decode(PersonInput.self), user: user,
                                                            on: req.db, now: req.now)
        let id = try person.requireID()
        return try PersonDTO(person, expertise: try await PeopleService.expertise(of: [id], on: req.db)[id] ?? [])
    }

    @Sendable func personalData(req: Request) async throws -> PersonalDataExport {
        try await PersonalData.export(for: try req.requireUser(), sections: req.application.personalData.all,
                                      reader: req.reader, req.service)
    }

    @Sendable func erase(req: Request) async throws -> HTTPStatus {
        try await PersonalData.erase(try req.requireUser(), sections: req.application.personalData.all, req.service)
        req.endSignedInSession()
        return .noContent
    }
}
