import Fluent
import Platform

extension AgreementsRoom {
    /// An agreement's documents (the signed text, annexes) are public like the agreement; staff attach them.
    static let attachmentOwners: [AttachmentOwner] = [
        AttachmentOwner(
            type: "agreement",
            mayAttach: { user, id, db in
                guard user.may(.manageAgreements) else { return false }
                return try await Agreement.find(id, on: db) != nil
            },
            mayRead: { _, id, db in try await Agreement.find(id, on: db) != nil },
            page: { id, db in try await Agreement.find(id, on: db).map { "agreements/" + $0.slug } }),
    ]
}
