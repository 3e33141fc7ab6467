import Foundation

/// Pages of comments kept by ``ParticipationCache``: the rows and authors' names of one page of one subject's
/// thread, as of the subject's comment revision and the names' revision.
enum ThreadCache {
    struct Key: Hashable, Sendable {
        let subject: UUID
        let order: CommentThread.Order
        let page: Int
        let size: Int
        /// Moderators see comments waiting for moderation; others see the published ones.
        let moderator: Bool
        /// The language names of erased accounts are written in.
        let language: String
    }

    /// The subject's comment revision and the names' revision.
    struct Revision: Hashable, Sendable {
        let subject: Int64
        let names: Int64
    }

    struct Entry: Sendable {
        let revision: Revision
        let rows: [CommentRow]
        let total: Int
        /// Some comment of the subject waits for moderation: its author sees it where others do not, so the
        /// page is read again for a signed-in viewer.
        let pending: Bool
    }
}
