import Crypto
import Fluent
import Foundation
import Vapor

/// Keeps attached documents in the files folder and their records in the database: checks who may attach, the
/// size and the type found in the bytes, then writes the file and its row (the file is removed if the row fails).
public enum AttachmentStore {
    /// The files folder: `SHABAKA_FILES`, else `files` beside the SQLite file (a temporary folder for an in-memory
    /// or PostgreSQL test database), else `./files`.
    public static func folder(_ app: Application) -> String {
        let config = app.shabakaConfig
        if let folder = config.filesDirectory { return folder }
        switch config.database {
        case .sqlite(let path): return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("files").path
        case .sqliteMemory: return NSTemporaryDirectory() + "shabaka-files"
        default: return app.directory.workingDirectory + "files"
        }
    }

    /// Cleans a name from a person's computer: no folders, no control characters, at most 120 characters.
    static func cleanName(_ raw: String, kind: FileKind) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }.prefix(120))
            .trimmingCharacters(in: .whitespaces)
        return kept.isEmpty ? "document.\(kind.fileExtension)" : kept
    }

    public static func save(_ data: Data, named name: String, to ownerType: String, id ownerID: UUID, by user: CurrentUser,
                            app: Application, on db: any Database) async throws -> Attachment {
        guard let owner = app.attachmentOwners.owner(ownerType) else {
            throw ValidationFailure([FieldError("owner_type", "validation.invalid_choice")])
        }
        guard try await owner.mayAttach(user, ownerID, db) else { throw PlatformError.attachmentNotAllowed }
        let limit = app.shabakaConfig.maxUploadBytes
        if data.isEmpty { throw ValidationFailure([FieldError("file", "validation.required")]) }
        if data.count > limit {
            throw ValidationFailure([FieldError("file", "validation.file_too_large", "\(limit / 1_048_576)")])
        }
        guard let kind = FileKind.sniff(data) else { throw ValidationFailure([FieldError("file", "validation.file_type")]) }
        let attachment = Attachment()
        attachment.ownerType = ownerType
        attachment.ownerID = ownerID
        attachment.fileName = cleanName(name, kind: kind)
        attachment.mediaType = kind.mediaType
        attachment.size = data.count
        attachment.sha256 = SHA256.hash(data: data).hex
        attachment.storageKey = CSRF.randomToken().filter { $0.isLetter || $0.isNumber }.prefix(32) + "." + kind.fileExtension
        attachment.uploadedByUserID = user.id
        let folder = folder(app)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + attachment.storageKey
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        do {
            try await db.transaction { tx in
                try await attachment.create(on: tx)
                try await AuditLog.record(on: tx, actor: AuditActor(user), action: "attachment.added", subjectType: ownerType,
                                          subjectID: ownerID.uuidString,
                                          details: ["attachment": try attachment.requireID().uuidString,
                                                    "sha256": attachment.sha256], at: Date())
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return attachment
    }

    /// The bytes of an attachment the reader may see.
    public static func contents(of attachment: Attachment, for user: CurrentUser?, app: Application,
                                on db: any Database) async throws -> Data {
        guard let owner = app.attachmentOwners.owner(attachment.ownerType),
              try await owner.mayRead(user, attachment.ownerID, db) else { throw PlatformError.notFound }
        guard let data = FileManager.default.contents(atPath: folder(app) + "/" + attachment.storageKey) else {
            throw PlatformError.notFound
        }
        return data
    }

    /// Deletes an attachment's row inside the caller's transaction and gives it back, so that its file is removed
    /// with ``removeFile(of:app:)`` once that transaction commits (a failed change keeps its document).
    public static func deleteRow(_ id: UUID?, on tx: any Database) async throws -> Attachment? {
        guard let id, let attachment = try await Attachment.find(id, on: tx) else { return nil }
        try await attachment.delete(on: tx)
        return attachment
    }

    /// Deletes an attachment's file once its row is gone (after the transaction that deleted it commits).
    public static func removeFile(of attachment: Attachment, app: Application) {
        try? FileManager.default.removeItem(atPath: folder(app) + "/" + attachment.storageKey)
    }

    /// The attachments of some records of one kind, oldest first.
    public static func list(_ ownerType: String, _ ownerIDs: [UUID], on db: any Database) async throws -> [Attachment] {
        guard !ownerIDs.isEmpty else { return [] }
        return try await Attachment.query(on: db).filter(\.$ownerType == ownerType).filter(\.$ownerID ~~ ownerIDs)
            .sort(\.$createdAt).all()
    }
}
