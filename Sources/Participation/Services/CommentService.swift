import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// A comment as its form and `POST /api/v1/comments` give it.
public struct CommentInput: Content, Sendable {
    public var subjectType: String?
    public var subjectID: UUID?
    public var parentID: UUID?
    public var body: String?
    public var stance: String?

    public init(subjectType: String? = nil, subjectID: UUID? = nil, parentID: UUID? = nil, body: String? = nil,
                stance: String? = nil) {
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.parentID = parentID
        self.body = body
        self.stance = stance
    }
}

/// What a comment is about, resolved: its process (nil for a project) and where its page is.
struct CommentTarget {
    let type: CommentSubject
    let id: UUID
    let process: ParticipatoryProcess?
    let title: String
    let authorID: UUID?
    /// After the language prefix.
    let link: String
}

public enum CommentService {
    static let bodyLength = 2...4000
    public static let pageSize = 20
    /// Replies shown under each comment before "more replies".
    public static let repliesShown = 3

    static func target(_ type: CommentSubject, _ id: UUID, on db: any Database) async throws -> CommentTarget {
        switch type {
        case .proposal:
            guard let proposal = try await Proposal.find(id, on: db), proposal.state != .draft else {
                throw ParticipationError.proposalNotFound
            }
            return CommentTarget(type: type, id: id, process: try await ParticipatoryProcess.find(proposal.processID, on: db),
                                 title: proposal.title, authorID: proposal.authorID, link: "proposals/\(id)")
        case .debate:
            guard let debate = try await Debate.find(id, on: db) else { throw ParticipationError.debateNotFound }
            if debate.closedAt != nil { throw ParticipationError.debateClosed }
            return CommentTarget(type: type, id: id, process: try await ParticipatoryProcess.find(debate.processID, on: db),
                                 title: debate.title, authorID: debate.authorID, link: "debates/\(id)")
        case .project:
            guard let project = try await Project.find(id, on: db), project.state != .draft else {
                throw ProjectsError.projectNotFound
            }
            return CommentTarget(type: type, id: id, process: nil, title: project.title.resolve(in: .ar).text,
                                 authorID: project.createdBy, link: "projects/\(project.slug)")
        }
    }

    /// Throws "not found" unless the viewer may read the subject (a draft proposal is its author's).
    static func readable(_ type: CommentSubject, _ id: UUID, viewer: CurrentUser?, on db: any Database) async throws {
        switch type {
        case .proposal:
            // Two columns by SQL: asked by every call of the comments API.
            guard let sql = db as? any SQLDatabase else {
                guard let proposal = try await Proposal.find(id, on: db),
                      proposal.state != .draft || proposal.authorID == viewer?.id
                else { throw ParticipationError.proposalNotFound }
                return
            }
            guard let row = try await sql.select().column("state").column("author_id").from(Proposal.schema)
                .where("id", .equal, SQLBind(id)).first(),
                  try row.decode(column: "state", as: String.self) != ProposalState.draft.rawValue
                    || (viewer != nil && (try row.decode(column: "author_id", as: UUID?.self)) == viewer?.id)
            else { throw ParticipationError.proposalNotFound }
        case .debate:
            guard try await Debate.find(id, on: db) != nil else { throw ParticipationError.debateNotFound }
        case .project:
            guard let project = try await Project.find(id, on: db), project.state != .draft else {
                throw ProjectsError.projectNotFound
            }
        }
    }

    /// Whether this person may comment on the subject now (its process's phase opens comments, a debate is open,
    /// they are not suspended): pages offer the form only then.
    public static func mayPost(on type: CommentSubject, _ id: UUID, by user: CurrentUser, on db: any Database, now: Date)
        async throws -> Bool
    {
        guard user.may(.participate) else { return false }
        do {
            let target = try await target(type, id, on: db)
            try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
            if let process = target.process { try await ProcessService.requireOpen(.comment, in: process, on: db, now: now) }
            return true
        } catch is ParticipationError {
            return false
        }
    }

    /// Posts a comment or a reply (to a comment that is not itself a reply).
    public static func post(_ input: CommentInput, by user: CurrentUser, on db: any Database, now: Date,
                            messaging: Messaging) async throws -> Comment
    {
        var errors: [FieldError] = []
        let type = Validate.choice(input.subjectType, field: "subject_type", as: CommentSubject.self, into: &errors)
        if input.subjectID == nil { errors.append(FieldError("subject_id", "validation.required")) }
        let body = Validate.text(input.body, field: "body", max: bodyLength.upperBound, into: &errors)
        var stance: Stance?
        if let raw = Validate.trimmed(input.stance) {
            stance = Validate.choice(raw, field: "stance", as: Stance.self, into: &errors)
        }
        guard errors.isEmpty, let type, let subjectID = input.subjectID else { throw ValidationFailure(errors) }
        let target = try await target(type, subjectID, on: db)
        try await ParticipationPolicy.requireMayPost(user, on: db, now: now)
        if let process = target.process { try await ProcessService.requireOpen(.comment, in: process, on: db, now: now) }
        let parent = try await input.parentID.asyncMap { parentID -> Comment? in
            guard let found = try await Comment.find(parentID, on: db), found.subjectType == type,
                  found.subjectID == subjectID
            else { throw ValidationFailure([FieldError("parent_id", "validation.invalid_choice")]) }
            guard found.parentID == nil else { throw ParticipationError.tooDeep }
            return found
        }
        // Stances belong to the first level of a process that asks for them.
        if stance != nil, parent != nil || target.process?.stances != true { stance = nil }
        let comment = Comment()
        comment.subjectType = type
        comment.subjectID = subjectID
        comment.processID = try target.process?.requireID()
        comment.parentID = parent?.id
        comment.authorID = user.id
        comment.body = body
        comment.stance = stance
        comment.replyCount = 0
        comment.pendingModeration = target.process?.premoderation ?? false
        comment.createdAt = now
        try await db.transaction { tx in
            try await comment.create(on: tx)
            try await recount(comment, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "comment.posted", subjectType: type.rawValue,
                                      subjectID: subjectID.uuidString, details: ["comment": try comment.requireID().uuidString],
                                      at: now)
            if !comment.pendingModeration { try await announce(comment, target: target, parent: parent, on: tx, messaging: messaging, now: now) }
        }
        return comment
    }

    /// A reply tells the comment's author; a first-level comment tells the subject's followers.
    static func announce(_ comment: Comment, target: CommentTarget, parent: Comment?, on db: any Database,
                         messaging: Messaging, now: Date) async throws
    {
        if let parent {
            guard let author = parent.authorID, author != comment.authorID else { return }
            try await Notifier.notify(userIDs: [author], messageKey: "notification.comment_reply", arguments: [target.title],
                                      link: target.link + "#comment-\(try parent.requireID())", on: db,
                                      catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
        } else if let followed = FollowSubject(rawValue: target.type.rawValue) {
            try await FollowService.tell(followersOf: followed, target.id, key: "notification.comment_posted",
                                         arguments: [target.title], link: target.link + "#comment-\(try comment.requireID())",
                                         except: comment.authorID, on: db, messaging: messaging, now: now)
        }
    }

    /// Keeps the stored counts equal to the shown rows: replies under the parent, comments under the subject.
    static func recount(_ comment: Comment, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if let parentID = comment.parentID {
            try await sql.raw("""
                UPDATE comments SET reply_count = (SELECT COUNT(*) FROM comments
                  WHERE parent_id = \(bind: parentID) AND pending_moderation = \(bind: false))
                WHERE id = \(bind: parentID)
                """).run()
        }
        let table: String? = switch comment.subjectType {
        case .proposal: Proposal.schema
        case .debate: Debate.schema
        case .project: nil
        }
        if let table {
            try await sql.raw("""
                UPDATE \(ident: table) SET comment_count = (SELECT COUNT(*) FROM comments
                  WHERE subject_type = \(bind: comment.subjectType.rawValue) AND subject_id = \(bind: comment.subjectID)
                  AND pending_moderation = \(bind: false))
                WHERE id = \(bind: comment.subjectID)
                """).run()
        }
    }

    /// The author corrects their comment; it shows as edited.
    public static func edit(_ comment: Comment, body raw: String?, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        guard comment.authorID == user.id else { throw ParticipationError.notTheAuthor }
        guard comment.hiddenAt == nil else { throw ParticipationError.commentNotFound }
        try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
        var errors: [FieldError] = []
        let body = Validate.text(raw, field: "body", max: bodyLength.upperBound, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        guard body != comment.body else { return }
        comment.body = body
        comment.editedAt = now
        try await db.transaction { tx in
            try await comment.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "comment.edited",
                                      subjectType: comment.subjectType.rawValue, subjectID: comment.subjectID.uuidString,
                                      details: ["comment": try comment.requireID().uuidString], at: now)
        }
    }
}
