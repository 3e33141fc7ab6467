import Foundation
import Vapor

/// The attachments of one record as its page shows them (`#extend("platform/attachments", …)`): the documents with
/// their download links, and the form to attach one for those who may.
public struct AttachmentsView: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        let id: String
        let name: String
        let size: String
        let link: String
    }

    let ownerType: String
    let ownerID: String
    let items: [Item]
    let canAttach: Bool
    let csrf: String
    let action: String
    /// Unique per record, for the form's field ids.
    let key: String

    public static func make(_ ownerType: String, _ ownerID: UUID, attachments: [Attachment], canAttach: Bool,
                            page: PageMeta, _ req: Request) -> AttachmentsView {
        let language = req.language.rawValue
        let mine = attachments.filter { $0.ownerType == ownerType && $0.ownerID == ownerID }
        return AttachmentsView(
            ownerType: ownerType, ownerID: ownerID.uuidString,
            items: mine.compactMap { attachment in
                attachment.id.map {
                    Item(id: $0.uuidString, name: attachment.fileName, size: Self.size(attachment.size, req),
                         link: "/\(language)/files/\($0.uuidString)")
                }
            },
            canAttach: canAttach, csrf: page.csrf, action: "/\(language)/attachments",
            key: ownerType + "-" + ownerID.uuidString.prefix(8))
    }

    static func size(_ bytes: Int, _ req: Request) -> String {
        bytes >= 1_048_576
            ? req.t("attachments.size_mb", String(format: "%.1f", Double(bytes) / 1_048_576))
            : req.t("attachments.size_kb", "\(max(1, bytes / 1024))")
    }
}
