import Fluent
import Platform
import SQLKit
import Vapor

/// Following a process, a proposal or a debate, and telling the followers (site and e-mail, each mail with a
/// one-click unsubscribe link).
public enum FollowService {
    /// Follows (idempotent).
    @discardableResult
    public static func follow(_ type: FollowSubject, _ id: UUID, userID: UUID, on db: any Database, now: Date) async throws
        -> Follow
    {
        if let existing = try await find(type, id, userID: userID, on: db) { return existing }
        let follow = Follow()
        follow.userID = userID
        follow.subjectType = type
        follow.subjectID = id
        follow.unsubscribeToken = Keyed.randomToken()
        follow.createdAt = now
        guard let sql = db as? any SQLDatabase else { try await follow.create(on: db); return follow }
        // Two taps at once leave one follow.
        try await sql.raw("""
            INSERT INTO follows (id, user_id, subject_type, subject_id, unsubscribe_token, created_at)
            VALUES (\(bind: UUID()), \(bind: userID), \(bind: type.rawValue), \(bind: id), \(bind: follow.unsubscribeToken),
                    \(bind: now))
            ON CONFLICT (user_id, subject_type, subject_id) DO NOTHING
            """).run()
        return try await find(type, id, userID: userID, on: db) ?? follow
    }

    public static func unfollow(_ type: FollowSubject, _ id: UUID, userID: UUID, on db: any Database) async throws {
        try await Follow.query(on: db).filter(\.$userID == userID).filter(\.$subjectType == type)
            .filter(\.$subjectID == id).delete()
    }

    public static func find(_ type: FollowSubject, _ id: UUID, userID: UUID, on db: any Database) async throws -> Follow? {
        try await Follow.query(on: db).filter(\.$userID == userID).filter(\.$subjectType == type)
            .filter(\.$subjectID == id).first()
    }

    /// Whether the person follows the subject (one column by SQL: asked by every page that offers to follow).
    public static func follows(_ type: FollowSubject, _ id: UUID, userID: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return try await find(type, id, userID: userID, on: db) != nil }
        return try await sql.select().column("id").from(Follow.schema).where("user_id", .equal, SQLBind(userID))
            .where("subject_type", .equal, SQLBind(type.rawValue)).where("subject_id", .equal, SQLBind(id)).limit(1)
            .first() != nil
    }

    /// The one-click link: the follow named by its token ends, without signing in.
    public static func unsubscribe(token: String, on db: any Database) async throws -> Follow? {
        guard token.count == 64, let follow = try await Follow.query(on: db).filter(\.$unsubscribeToken == token).first()
        else { return nil }
        try await follow.delete(on: db)
        return follow
    }

    /// Tells everyone following the subject, but `except` (who acted), each with their unsubscribe link.
    static func tell(
        followersOf type: FollowSubject, _ id: UUID, key: String, arguments: [String], localized: [Translated] = [],
        link: String, except: UUID?, also extra: [UUID] = [], on db: any Database, messaging: Messaging, now: Date
    ) async throws {
        let follows = try await Follow.query(on: db).filter(\.$subjectType == type).filter(\.$subjectID == id).all()
        var unsubscribe: [UUID: String] = [:]
        for follow in follows { unsubscribe[follow.userID] = "unsubscribe/" + follow.unsubscribeToken }
        var told = Set<UUID>()
        let recipients = (follows.map(\.userID) + extra).filter { $0 != except && told.insert($0).inserted }
        try await Notifier.notify(userIDs: recipients, messageKey: key, arguments: arguments, localized: localized,
                                  link: link, unsubscribe: unsubscribe, on: db, catalog: messaging.catalog,
                                  baseURL: messaging.baseURL, at: now)
    }
}
