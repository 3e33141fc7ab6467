import Fluent
import Platform
import SQLKit
import Vapor

/// One comment as pages and the API show it: hidden ones keep their place, without their text.
public struct CommentRow: Content, Sendable {
    public let id: UUID
    public let parentID: UUID?
    public let authorID: UUID?
    public var author: String
    /// Empty when hidden by moderation.
    public let body: String
    public let stance: String?
    public let replyCount: Int
    /// Hidden by moderation (the reason stays with the moderators and the audit log).
    public let hidden: Bool
    public let pending: Bool
    public let createdAt: Date
    public let editedAt: Date?
    public var replies: [CommentRow]
    /// Written by the viewer (who may correct it).
    public var mine = false
}

/// A page of first-level comments, each with its first replies; or a page of one comment's replies. Two queries
/// whatever the page (the comments, then the first replies of all of them at once, by window function), on the
/// `comments_thread` and `comments_parent` indexes.
public enum CommentThread {
    public enum Order: String, CaseIterable, Sendable {
        case oldest, newest
    }

    static let columns = ["id", "parent_id", "author_id", "body", "stance", "reply_count", "hidden_at",
                          "pending_moderation", "created_at", "edited_at"]

    /// `viewer` sees their own comments waiting for moderation; moderators see all of them.
    public static func page(_ type: CommentSubject, _ id: UUID, order: Order, page: PageQuery, viewer: CurrentUser?,
                            moderator: Bool, on db: any Database) async throws -> (rows: [CommentRow], total: Int)
    {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        func visible(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            if moderator { return query }
            return query.where { group in
                group.where("pending_moderation", .equal, SQLBind(false))
                if let viewer { group.orWhere("author_id", .equal, SQLBind(viewer.id)) }
                return group
            }
        }
        let base = visible(sql.select().from(Comment.schema)
            .where("subject_type", .equal, SQLBind(type.rawValue)).where("subject_id", .equal, SQLBind(id))
            .where("parent_id", .is, SQLLiteral.null))
        let total = try await base.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await visible(sql.select().columns(columns.map { SQLColumn($0) }).from(Comment.schema)
            .where("subject_type", .equal, SQLBind(type.rawValue)).where("subject_id", .equal, SQLBind(id))
            .where("parent_id", .is, SQLLiteral.null))
            .orderBy("created_at", order == .oldest ? .ascending : .descending).orderBy("id")
            .limit(page.size).offset(page.offset).all()
        var comments = try rows.map(row)
        let parents = comments.filter { $0.replyCount > 0 }.map(\.id)
        if !parents.isEmpty {
            let replies = try await firstReplies(of: parents, viewer: viewer, moderator: moderator, on: sql)
            let grouped = Dictionary(grouping: replies, by: { $0.parentID ?? id })
            for index in comments.indices { comments[index].replies = grouped[comments[index].id] ?? [] }
        }
        return (comments, total)
    }

    /// The first `repliesShown` replies of each parent, in one query.
    static func firstReplies(of parents: [UUID], viewer: CurrentUser?, moderator: Bool, on sql: any SQLDatabase)
        async throws -> [CommentRow]
    {
        var filter: SQLQueryString = "parent_id IN (\(SQLList(parents.map { SQLBind($0) })))"
        if !moderator {
            filter = filter + " AND (pending_moderation = \(bind: false)"
            if let viewer { filter = filter + " OR author_id = \(bind: viewer.id)" }
            filter = filter + ")"
        }
        let list = columns.joined(separator: ", ")
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: list) FROM (
              SELECT \(unsafeRaw: list), ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS position
              FROM comments WHERE \(filter)
            ) AS ranked WHERE position <= \(bind: CommentService.repliesShown) ORDER BY created_at, id
            """
        return try await sql.raw(query).all().map(row)
    }

    /// A page of one comment's replies, oldest first.
    public static func replies(of parentID: UUID, page: PageQuery, viewer: CurrentUser?, moderator: Bool,
                               on db: any Database) async throws -> (rows: [CommentRow], total: Int)
    {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        func scoped(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            let query = query.from(Comment.schema).where("parent_id", .equal, SQLBind(parentID))
            if moderator { return query }
            return query.where { group in
                group.where("pending_moderation", .equal, SQLBind(false))
                if let viewer { group.orWhere("author_id", .equal, SQLBind(viewer.id)) }
                return group
            }
        }
        let total = try await scoped(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let rows = try await scoped(sql.select().columns(columns.map { SQLColumn($0) }))
            .orderBy("created_at").orderBy("id").limit(page.size).offset(page.offset).all()
        return (try rows.map(row), total)
    }

    static func row(_ row: any SQLRow) throws -> CommentRow {
        let hidden = try row.decodeNil(column: "hidden_at") == false
        return CommentRow(
            id: try row.decode(column: "id", as: UUID.self),
            parentID: try row.decode(column: "parent_id", as: UUID?.self),
            authorID: try row.decode(column: "author_id", as: UUID?.self), author: "",
            body: hidden ? "" : try row.decode(column: "body", as: String.self),
            stance: try row.decode(column: "stance", as: String?.self),
            replyCount: try row.decode(column: "reply_count", as: Int.self), hidden: hidden,
            pending: try row.decode(column: "pending_moderation", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            editedAt: try row.decode(column: "edited_at", as: Date?.self), replies: [])
    }

    /// A stored comment as a row.
    static func row(of comment: Comment) throws -> CommentRow {
        CommentRow(id: try comment.requireID(), parentID: comment.parentID, authorID: comment.authorID, author: "",
                   body: comment.hiddenAt == nil ? comment.body : "", stance: comment.stance?.rawValue,
                   replyCount: comment.replyCount, hidden: comment.hiddenAt != nil, pending: comment.pendingModeration,
                   createdAt: comment.createdAt, editedAt: comment.editedAt, replies: [])
    }

    /// Fills in the authors' names (erased accounts read as such) and marks the viewer's own comments.
    public static func named(_ rows: [CommentRow], reader: Reader, viewer: UUID? = nil, on db: any Database) async throws
        -> [CommentRow]
    {
        let ids = rows.flatMap { [$0.authorID] + $0.replies.map(\.authorID) }
        let names = try await reader.authorNames(ids, on: db)
        return rows.map { row in
            var row = row
            row.author = names.name(of: row.authorID, stored: "")
            row.mine = viewer != nil && row.authorID == viewer
            row.replies = row.replies.map { reply in
                var reply = reply
                reply.author = names.name(of: reply.authorID, stored: "")
                reply.mine = viewer != nil && reply.authorID == viewer
                return reply
            }
            return row
        }
    }
}
