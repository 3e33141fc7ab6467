import Directory
import Fluent
import Platform
import Vapor

/// The resource library at `/{lang}/resources` (search `q`, `domain`, `language`) with its form, and
/// `/api/v1/resources` (list; add: JSON for a link, `multipart/form-data` with `file` for a document).
struct ResourcesController: RouteCollection {
    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let resources = routes.grouped("api", "v1", "resources")
            resources.get(use: list)
            resources.post(use: add)
            resources.get(":id", use: show)
            resources.put(":id", use: change)
            resources.delete(":id", use: remove)
        }

        @Sendable func show(req: Request) async throws -> ResourceDTO {
            try ResourceDTO(try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound))
        }

        /// JSON for the texts and a link; `multipart/form-data` with `file` to replace the document.
        @Sendable func change(req: Request) async throws -> ResourceDTO {
            let user = try req.requireUser()
            let resource = try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound)
            if req.headers.contentType == .formData {
                let form = try req.content.decode(ResourceForm.self)
                try await Library.change(resource, form.input, file: form.document, by: user, app: req.application,
                                         req.service)
            } else {
                try await Library.change(resource, try req.content.decode(ResourceInput.self), file: nil, by: user,
                                         app: req.application, req.service)
            }
            return try ResourceDTO(resource)
        }

        @Sendable func remove(req: Request) async throws -> HTTPStatus {
            let resource = try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound)
            try await Library.remove(resource, by: try req.requireUser(), app: req.application, req.service)
            return .noContent
        }

        @Sendable func list(req: Request) async throws -> Paged<ResourceDTO> {
            let page = try PageQuery(from: req)
            let (items, total) = try await ResourceQuery.list(try ResourceQuery.Filter(req), page: page, on: req.db)
            return Paged(items: try items.map(ResourceDTO.init), request: page, total: total)
        }

        @Sendable func add(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let resource: LibraryResource
            if req.headers.contentType == .formData {
                let form = try req.content.decode(ResourceForm.self)
                resource = try await Library.add(form.input, file: form.document, by: user, app: req.application,
                                                 req.service)
            } else {
                resource = try await Library.add(try req.content.decode(ResourceInput.self), file: nil, by: user,
                                                 app: req.application, req.service)
            }
            return try await ResourceDTO(resource).encodeResponse(status: .created, for: req)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CapacitySiteURL.resources.pathComponents, use: list)
        routes.post(CapacitySiteURL.resources.pathComponents, use: add)
        routes.get(CapacitySiteURL.newResource.pathComponents, use: newForm)
        let resource = CapacitySiteURL.resources.pathComponents + [":id"]
        routes.get(resource + ["edit"], use: editForm)
        routes.post(resource + ["edit"], use: change)
        routes.post(resource + ["remove"], use: remove)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render("capacity/resources", try await ResourcesPageContext.make(req))
    }

    /// The form to add a resource, or to change `resource`.
    func form(_ req: Request, _ state: FormState, changing resource: LibraryResource? = nil) async throws -> Response {
        var document: Attachment?
        if let id = resource?.attachmentID { document = try await Attachment.find(id, on: req.db) }
        return try await req.render("capacity/resource-form", ResourceFormContext(
            page: try await PageMeta.make(for: req, titleKey: resource == nil ? "resource.new_title" : "resource.edit_title"),
            form: state,
            action: resource.map { Self.path(of: $0, req) + "/edit" } ?? CapacitySiteURL.resources.path(in: req.language),
            changing: resource != nil, documentName: document?.fileName,
            domains: try await Options.domains(req, selected: [state.values["domain_code"] ?? ""]),
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: (state.values["language"] ?? req.language.rawValue) == $0.rawValue)
            }))
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        guard Library.mayContribute(try req.requireUser()) else { throw CapacityError.notAContributor }
        return try await form(req, .empty)
    }

    @Sendable func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let posted = try req.content.decode(ResourceForm.self)
        return try await req.submitting(refusing: CapacityError.self) {
            _ = try await Library.add(posted.input, file: posted.document, by: user, app: req.application, req.service)
            return req.seeOther(CapacitySiteURL.resources.path(in: req.language) + "?added=1")
        } refused: { state in
            try await form(req, state.posting(posted.values))
        }
    }

    static func path(of resource: LibraryResource, _ req: Request) -> String {
        CapacitySiteURL.resources.path(in: req.language) + "/" + (resource.id?.uuidString ?? "")
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let resource = try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound)
        guard Library.mayChange(try req.requireUser(), resource) else { throw CapacityError.notYourResource }
        return try await form(req, FormState(values: [
            "title": resource.title, "description": resource.details, "language": resource.language,
            "domain_code": resource.domainCode, "url": resource.url ?? "",
        ], errors: [:]), changing: resource)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let resource = try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound)
        let posted = try req.content.decode(ResourceForm.self)
        return try await req.submitting(refusing: CapacityError.self) {
            try await Library.change(resource, posted.input, file: posted.document, by: user, app: req.application,
                                     req.service)
            return req.seeOther(CapacitySiteURL.resources.path(in: req.language) + "?changed=1")
        } refused: { state in
            try await form(req, state.posting(posted.values), changing: resource)
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let resource = try await req.find(LibraryResource.self, id: "id", orElse: CapacityError.resourceNotFound)
        guard Library.mayChange(user, resource) else { throw CapacityError.notYourResource }
        let confirmation = Confirmation(
            action: req.t("resource.remove"), subject: resource.title, lines: [req.t("resource.remove_explained")],
            back: CapacitySiteURL.resources.path(in: req.language))
        return try await req.confirming(confirmation, confirmed: try req.form(StepForm.self).isConfirmed) {
            try await Library.remove(resource, by: user, app: req.application, req.service)
            return req.seeOther(CapacitySiteURL.resources.path(in: req.language) + "?removed=1")
        }
    }
}

struct ResourceFormContext: Encodable {
    let page: PageMeta
    let form: FormState
    let action: String
    /// A resource being changed (else one being added), and the name of its document if it has one.
    let changing: Bool
    let documentName: String?
    let domains: [ChoiceOption]
    let languages: [ChoiceOption]
}

/// The library: search, filters, the resources with their link or document.
struct ResourcesPageContext: Encodable {
    struct Line: Encodable {
        let title: String
        let description: String
        let lang: String
        let dir: String
        let domain: String
        let link: String
        let isFile: Bool
        let fileName: String?
        let size: Int?
        /// The resource's own page for changes, for whoever may change it.
        let editLink: String?
        let removeLink: String?
    }

    let page: PageMeta
    let q: String
    let resources: [Line]
    let total: Int
    let pagination: PaginationView
    let domains: [ChoiceOption]
    let languages: [ChoiceOption]
    let added: Bool
    let changed: Bool
    let removed: Bool
    let canAdd: Bool

    static func make(_ req: Request) async throws -> ResourcesPageContext {
        let pageQuery = try PageQuery(from: req)
        let filter = try ResourceQuery.Filter(req)
        let (rows, total) = try await ResourceQuery.list(filter, page: pageQuery, on: req.db)
        let files = try await Attachment.query(on: req.db).filter(\.$id ~~ rows.compactMap(\.attachmentID)).all()
        let domainNames = try await Options.domainNames(req)
        return ResourcesPageContext(
            page: try await PageMeta.make(for: req, titleKey: "resource.list_title"), q: filter.text,
            resources: rows.map { row in
                let file = files.first { $0.id == row.attachmentID }
                let own = Library.mayChange(req.currentUser, row) ? ResourcesController.path(of: row, req) : nil
                return Line(title: row.title, description: row.details, lang: row.textLanguage.rawValue,
                            dir: row.textLanguage.direction, domain: domainNames[row.domainCode] ?? row.domainCode,
                            link: file.map { SiteURL.files.path(in: req.language) + "/" + ($0.id?.uuidString ?? "") }
                                ?? row.url ?? "",
                            isFile: file != nil, fileName: file?.fileName, size: file?.size,
                            editLink: own.map { $0 + "/edit" }, removeLink: own.map { $0 + "/remove" })
            },
            total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path,
                                       query: ["q": filter.text, "domain": filter.domainCode ?? "",
                                               "language": filter.language ?? ""]),
            domains: try await Options.domains(req, selected: [filter.domainCode ?? ""]),
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: filter.language == $0.rawValue)
            },
            added: req.query[String.self, at: "added"] == "1", changed: req.query[String.self, at: "changed"] == "1",
            removed: req.query[String.self, at: "removed"] == "1", canAdd: Library.mayContribute(req.currentUser))
    }
}
