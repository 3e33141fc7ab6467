import Fluent
import Vapor

/// Attaching documents and reading them, on the site and through the API. Uploads are `multipart/form-data` to an
/// address ending in `/attachments` (the only bodies allowed past `SHABAKA_MAX_BODY_BYTES`, up to
/// `SHABAKA_MAX_UPLOAD_BYTES`); a document is served with `Content-Disposition: attachment`, its sniffed type and
/// `nosniff`, only to those who may see its record.
struct AttachmentsController: RouteCollection {
    /// The API's routes (the pages' are under `/:lang`).
    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let controller = AttachmentsController()
            let api = routes.grouped("api", "v1", "attachments")
            api.post(use: controller.attachByAPI)
            api.get(use: controller.list)
            api.get(":id", "content", use: controller.download)
        }
    }

    struct Upload: Content {
        var ownerType: String?
        var ownerID: String?
        var file: File?

        enum CodingKeys: String, CodingKey {
            // multipart field names are not converted like JSON keys
            case ownerType = "owner_type", ownerID = "owner_id", file
        }
    }

    struct DTO: Content {
        let id: UUID
        let ownerType: String
        let ownerID: UUID
        let fileName: String
        let mediaType: String
        let size: Int
        let sha256: String
        let createdAt: Date?

        init(_ attachment: Attachment) throws {
            id = try attachment.requireID()
            ownerType = attachment.ownerType
            ownerID = attachment.ownerID
            fileName = attachment.fileName
            mediaType = attachment.mediaType
            size = attachment.size
            sha256 = attachment.sha256
            createdAt = attachment.createdAt
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.attachments.pathComponents, use: attachOnPage)
        routes.get(SiteURL.files.pathComponents + [":id"], use: download)
    }

    func save(_ req: Request) async throws -> Attachment {
        let user = try req.requireUser()
        let upload = try req.content.decode(Upload.self)
        var errors: [FieldError] = []
        if upload.ownerType.map({ $0.isEmpty }) ?? true { errors.append(FieldError("owner_type", "validation.required")) }
        let ownerID = upload.ownerID.flatMap(UUID.init(uuidString:))
        if ownerID == nil { errors.append(FieldError("owner_id", "validation.invalid_choice")) }
        if upload.file == nil { errors.append(FieldError("file", "validation.required")) }
        guard errors.isEmpty, let type = upload.ownerType, let ownerID, let file = upload.file else {
            throw ValidationFailure(errors)
        }
        return try await AttachmentStore.save(Data(buffer: file.data), named: file.filename, to: type, id: ownerID, by: user,
                                              app: req.application, on: req.db)
    }

    @Sendable func attachOnPage(req: Request) async throws -> Response {
        let attachment = try await save(req)
        let page = try await req.application.attachmentOwners.owner(attachment.ownerType)?.page(attachment.ownerID, req.db)
        return req.seeOther("/\(req.language.rawValue)/" + (page ?? "") + "#attachments-" + attachment.ownerType + "-"
                            + attachment.ownerID.uuidString.prefix(8))
    }

    @Sendable func attachByAPI(req: Request) async throws -> Response {
        try await DTO(try await save(req)).encodeResponse(status: .created, for: req)
    }

    @Sendable func list(req: Request) async throws -> [DTO] {
        guard let type = req.query[String.self, at: "owner_type"], let owner = req.application.attachmentOwners.owner(type),
              let id = req.query[UUID.self, at: "owner_id"] else {
            throw ValidationFailure([FieldError("owner_type", "validation.invalid_choice")])
        }
        guard try await owner.mayRead(req.currentUser, id, req.db) else { throw PlatformError.notFound }
        return try await AttachmentStore.list(type, [id], on: req.db).map(DTO.init)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let attachment = try await req.find(Attachment.self, id: "id", orElse: PlatformError.notFound)
        let data = try await AttachmentStore.contents(of: attachment, for: req.currentUser, app: req.application, on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.mediaType)
        let ascii = attachment.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 0x20 ? String($0) : "_" }
            .joined()
        let encoded = attachment.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
