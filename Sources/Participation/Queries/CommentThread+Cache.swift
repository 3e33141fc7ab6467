import Fluent
import Platform
import SQLKit
import Vapor

extension CommentThread {
    /// A page of the thread with its authors' names, from the room's cache when neither the subject's comments
    /// nor anyone's name changed since it was read (one query says so, unless the caller read the `revision`
    /// already); the viewer's own comments marked. `revision` is nil when the page was read for this viewer
    /// alone (their comments waiting for moderation are on it).
    static func cachedPage(_ type: CommentSubject, _ id: UUID, order: Order, page: PageQuery, moderator: Bool,
                           revision known: ThreadCache.Revision? = nil, _ req: Request) async throws
        -> (rows: [CommentRow], total: Int, revision: ThreadCache.Revision?)
    {
        let viewer = req.currentUser
        var revisions = known
        if revisions == nil {
            let read = try await ParticipationRevisions.read([id], on: req.db)
            revisions = ThreadCache.Revision(subject: read.revisions[0], names: read.names)
        }
        guard let revisions else { return ([], 0, nil) }
        let key = ThreadCache.Key(subject: id, order: order, page: page.number, size: page.size, moderator: moderator,
                                  language: req.language.rawValue)
        let cache = req.application.participationCache
        var entry = cache.thread(key)
        if entry?.revision != revisions {
            let (rows, total) = try await self.page(type, id, order: order, page: page, viewer: nil, moderator: moderator,
                                                    on: req.db)
            let fresh = ThreadCache.Entry(revision: revisions, rows: try await named(rows, reader: req.reader, on: req.db),
                                          total: total, pending: moderator ? false : try await hasPending(type, id, on: req.db))
            cache.storeThread(key, fresh)
            entry = fresh
        }
        guard let entry else { return ([], 0, nil) }
        if entry.pending, let viewer, !moderator {
            // The viewer may have comments waiting for moderation on this page: read it for them.
            let (rows, total) = try await self.page(type, id, order: order, page: page, viewer: viewer, moderator: false,
                                                    on: req.db)
            return (try await named(rows, reader: req.reader, viewer: viewer.id, on: req.db), total, nil)
        }
        return (marking(entry.rows, viewer: viewer?.id), entry.total, revisions)
    }

    /// Whether some comment of the subject waits for a moderator.
    static func hasPending(_ type: CommentSubject, _ id: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return true }
        return try await sql.select().column("id").from(Comment.schema)
            .where("subject_type", .equal, SQLBind(type.rawValue)).where("subject_id", .equal, SQLBind(id))
            .where("pending_moderation", .equal, SQLBind(true)).limit(1).first() != nil
    }

    /// The rows with the viewer's own comments and replies marked.
    static func marking(_ rows: [CommentRow], viewer: UUID?) -> [CommentRow] {
        rows.map { row in
            var row = row
            row.mine = viewer != nil && row.authorID == viewer
            row.replies = marking(row.replies, viewer: viewer)
            return row
        }
    }
}
