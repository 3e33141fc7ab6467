import Directory
import Fluent
import Platform
import Vapor

/// A resource as `POST /api/v1/resources` (JSON for a link; `multipart/form-data` with `file` for a document) and the
/// library's form give it.
public struct ResourceInput: Content, Sendable {
    public var title: String?
    public var description: String?
    public var language: String?
    public var domainCode: String?
    public var url: String?

    public init() {}
}

/// A document sent with a resource: its bytes and the name it had on the person's computer.
public struct ResourceFile: Sendable {
    public let data: Data
    public let name: String

    public init(data: Data, name: String) {
        (self.data, self.name) = (data, name)
    }
}

/// Adding to the resource library: staff who organise events and representatives of organisations. A resource is
/// a link or a document (never both); the document is checked (size, type from its first bytes) before anything is
/// written, and the resource and its document are stored together or not at all.
public enum Library {
    public static func mayContribute(_ user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.may(.organizeEvents) || user.may(.representOrganizations)
    }

    /// Who may change or remove a resource: whoever added it, and staff who organise events.
    public static func mayChange(_ user: CurrentUser?, _ resource: LibraryResource) -> Bool {
        guard let user, mayContribute(user) else { return false }
        return user.may(.organizeEvents) || resource.createdBy == user.id
    }

    public static func add(_ input: ResourceInput, file: ResourceFile?, by user: CurrentUser, app: Application,
                           _ context: ServiceContext) async throws -> LibraryResource
    {
        guard mayContribute(user) else { throw CapacityError.notAContributor }
        let resource = LibraryResource()
        let document = try await check(input, file: file, into: resource, keepsDocument: false, app: app, context)
        (resource.createdBy, resource.createdAt) = (user.id, context.now)
        try await context.db.transaction { tx in
            try await resource.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "resource.added", subjectType: "resource",
                                      subjectID: try resource.requireID().uuidString, details: [:], at: context.now)
            if let document { try await attach(document, to: resource, by: user, app: app, on: tx) }
        }
        return resource
    }

    /// Changes a resource's texts, domain and language; a new document replaces the old one, a link given without a
    /// document makes it a link (its document is removed), neither keeps what it had.
    public static func change(_ resource: LibraryResource, _ input: ResourceInput, file: ResourceFile?,
                              by user: CurrentUser, app: Application, _ context: ServiceContext) async throws
    {
        guard mayChange(user, resource) else { throw CapacityError.notYourResource }
        let replaced = resource.attachmentID
        let document = try await check(input, file: file, into: resource, keepsDocument: replaced != nil, app: app,
                                       context)
        let dropsDocument = replaced != nil && (document != nil || resource.url != nil)
        if dropsDocument { resource.attachmentID = nil }
        let removed: Attachment? = try await context.db.transaction { tx in
            try await resource.update(on: tx)
            let removed = dropsDocument ? try await AttachmentStore.deleteRow(replaced, on: tx) : nil
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "resource.changed", subjectType: "resource",
                                      subjectID: try resource.requireID().uuidString,
                                      details: document == nil ? [:] : ["document": "replaced"], at: context.now)
            if let document { try await attach(document, to: resource, by: user, app: app, on: tx) }
            return removed
        }
        // After the commit: a failed change keeps its old document.
        if let removed { AttachmentStore.removeFile(of: removed, app: app) }
    }

    /// Removes a resource from the library, with its document.
    public static func remove(_ resource: LibraryResource, by user: CurrentUser, app: Application,
                              _ context: ServiceContext) async throws
    {
        guard mayChange(user, resource) else { throw CapacityError.notYourResource }
        let removed: Attachment? = try await context.db.transaction { tx in
            try await resource.delete(on: tx)
            let removed = try await AttachmentStore.deleteRow(resource.attachmentID, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "resource.removed", subjectType: "resource",
                                      subjectID: try resource.requireID().uuidString,
                                      details: ["title": String(resource.title.prefix(200))], at: context.now)
            return removed
        }
        if let removed { AttachmentStore.removeFile(of: removed, app: app) }
    }

    /// Checks what a form or the API sent and writes it into `resource`; the document to attach, if any. Every
    /// problem is named by its field before anything is written.
    private static func check(_ input: ResourceInput, file: ResourceFile?, into resource: LibraryResource,
                              keepsDocument: Bool, app: Application, _ context: ServiceContext) async throws
        -> ResourceFile?
    {
        var errors: [FieldError] = []
        resource.title = Validate.text(input.title, field: "title", max: 300, into: &errors)
        resource.details = Validate.text(input.description, field: "description", max: 4000, required: false,
                                         into: &errors)
        resource.language = Validate.trimmed(input.language) ?? SiteLanguage.default.rawValue
        if SiteLanguage(rawValue: resource.language) == nil {
            errors.append(FieldError("language", "validation.invalid_choice"))
        }
        resource.domainCode = Validate.trimmed(input.domainCode) ?? ""
        if resource.domainCode.isEmpty { errors.append(FieldError("domain_code", "validation.required")) }
        else if try await Domain.find(resource.domainCode, on: context.db) == nil {
            errors.append(FieldError("domain_code", "validation.invalid_choice"))
        }
        resource.url = Validate.trimmed(input.url)
        if let error = Validate.urlError(resource.url, field: "url") { errors.append(error) }
        let document = file.flatMap { $0.data.isEmpty ? nil : $0 }
        if document == nil, resource.url == nil, !keepsDocument {
            errors.append(FieldError("file", "resource.validation.link_or_file"))
        }
        if document != nil, resource.url != nil { errors.append(FieldError("url", "resource.validation.not_both")) }
        if let document {
            let limit = app.shabakaConfig.maxUploadBytes
            if document.data.count > limit {
                errors.append(FieldError("file", "validation.file_too_large", "\(limit / 1_048_576)"))
            } else if FileKind.sniff(document.data) == nil {
                errors.append(FieldError("file", "validation.file_type"))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        resource.searchText = ResourceQuery.searchText(resource.title, resource.details)
        return document
    }

    /// Last in its transaction: the file is removed again if its row fails, and nothing after it can fail but the
    /// commit.
    private static func attach(_ document: ResourceFile, to resource: LibraryResource, by user: CurrentUser,
                               app: Application, on tx: any Database) async throws
    {
        let attachment = try await AttachmentStore.save(document.data, named: document.name, to: "resource",
                                                        id: try resource.requireID(), by: user, app: app, on: tx)
        resource.attachmentID = try attachment.requireID()
        try await resource.update(on: tx)
    }

    /// A library document is public like its resource; contributors attach it with the resource.
    static let attachmentOwner = AttachmentOwner(
        type: "resource",
        mayAttach: { user, id, db in
            guard mayContribute(user) else { return false }
            return try await LibraryResource.find(id, on: db) != nil
        },
        mayRead: { _, id, db in try await LibraryResource.find(id, on: db) != nil },
        page: { _, _ in "resources" })
}
