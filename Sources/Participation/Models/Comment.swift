import Fluent
import Platform
import Vapor

/// A comment on a proposal, a debate or a project; replies are one level deep (a reply's parent is a comment
/// without a parent), so threads are two levels.
public final class Comment: Model, @unchecked Sendable {
    public static let schema = "comments"

    @ID(key: .id) public var id: UUID?
    @Enum(key: "subject_type") public var subjectType: CommentSubject
    @Field(key: "subject_id") public var subjectID: UUID
    /// The process the subject belongs to (nil for a project), for moderation and rules.
    @OptionalField(key: "process_id") public var processID: UUID?
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "body") public var body: String
    @OptionalEnum(key: "stance") public var stance: Stance?
    @Field(key: "reply_count") public var replyCount: Int
    @Field(key: "pending_moderation") public var pendingModeration: Bool
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "edited_at") public var editedAt: Date?

    public init() {}
}

public enum CommentSubject: String, CaseIterable, Codable, Sendable {
    case proposal, debate, project
}

public enum Stance: String, CaseIterable, Codable, Sendable {
    case inFavour = "for"
    case against
    case neutral
}

/// A debate in a process: a question put to discussion, closed with a written conclusion.
public final class Debate: Model, @unchecked Sendable {
    public static let schema = "debates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "process_id") public var processID: UUID
    @OptionalField(key: "author_id") public var authorID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Field(key: "comment_count") public var commentCount: Int
    @Field(key: "pending_moderation") public var pendingModeration: Bool
    @OptionalField(key: "hidden_at") public var hiddenAt: Date?
    @OptionalField(key: "hidden_reason") public var hiddenReason: String?
    @OptionalField(key: "conclusion") public var conclusion: String?
    @OptionalField(key: "closed_at") public var closedAt: Date?
    @OptionalField(key: "closed_by") public var closedBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A person following a process or a proposal: told of answers, phase changes and replies.
public final class Follow: Model, @unchecked Sendable {
    public static let schema = "follows"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Enum(key: "subject_type") public var subjectType: FollowSubject
    @Field(key: "subject_id") public var subjectID: UUID
    /// The secret of the one-click unsubscribe link in every message this follow sends.
    @Field(key: "unsubscribe_token") public var unsubscribeToken: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

public enum FollowSubject: String, CaseIterable, Codable, Sendable {
    case process, proposal, debate
}

/// A report of content or of a person, for the moderators.
public final class ModerationReport: Model, @unchecked Sendable {
    public static let schema = "moderation_reports"

    @ID(key: .id) public var id: UUID?
    @Enum(key: "subject_type") public var subjectType: ReportSubject
    @Field(key: "subject_id") public var subjectID: UUID
    @Field(key: "reporter_id") public var reporterID: UUID
    @Enum(key: "reason") public var reason: ReportReason
    @OptionalField(key: "details") public var details: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "resolved_at") public var resolvedAt: Date?
    @OptionalField(key: "resolved_by") public var resolvedBy: UUID?
    /// `hidden`, `dismissed`, `suspended`.
    @OptionalField(key: "resolution") public var resolution: String?

    public init() {}
}

public enum ReportSubject: String, CaseIterable, Codable, Sendable {
    case proposal, comment, debate, user
}

public enum ReportReason: String, CaseIterable, Codable, Sendable {
    case spam, offensive, personal, other
}

/// An account a moderator suspended from posting until a date, with the reason.
public final class Suspension: Model, @unchecked Sendable {
    public static let schema = "participation_suspensions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "reason") public var reason: String
    /// Last day of the suspension (`yyyy-MM-dd`, included).
    @Field(key: "until") public var until: String
    @OptionalField(key: "suspended_by") public var suspendedBy: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "lifted_at") public var liftedAt: Date?

    public init() {}
}
