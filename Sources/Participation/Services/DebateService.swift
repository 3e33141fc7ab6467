import Fluent
import Platform
import Vapor

public struct DebateInput: Content, Sendable {
    public var processID: UUID?
    public var title: String?
    public var description: String?
    public init(processID: UUID? = nil, title: String? = nil, description: String? = nil) {
        self.processID = processID
        self.title = title
        self.description = description
    }
}

/// Debates: opened by the organiser at any time, or by participants while a phase opens debates; closed by the
/// organiser or their author with a written conclusion.
public enum DebateService {
    public static func open(_ input: DebateInput, by user: CurrentUser, on db: any Database, now: Date) async throws -> Debate {
        guard let processID = input.processID, let process = try await ParticipatoryProcess.find(processID, on: db) else {
            throw ValidationFailure([FieldError("process_id", input.processID == nil ? "validation.required"
                                                                                     : "validation.invalid_choice")])
        }
        let organizer = try await ParticipationPolicy.isOrganizer(user, of: process, on: db)
        try await ParticipationPolicy.requireMayPost(user, on: db, now: now)
        if !organizer { try await ProcessService.requireOpen(.debate, in: process, on: db, now: now) }
        var errors: [FieldError] = []
        let title = Validate.text(input.title, field: "title", max: 200, into: &errors)
        let details = Validate.text(input.description, field: "description", max: 6000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let debate = Debate()
        debate.processID = processID
        debate.authorID = user.id
        debate.title = title
        debate.details = details
        debate.commentCount = 0
        debate.pendingModeration = process.premoderation && !organizer
        debate.createdAt = now
        try await db.transaction { tx in
            try await debate.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "debate.opened", subjectType: "debate",
                                      subjectID: try debate.requireID().uuidString, at: now)
            try await FollowService.follow(.debate, try debate.requireID(), userID: user.id, on: tx, now: now)
        }
        return debate
    }

    public static func close(_ debate: Debate, conclusion raw: String?, by user: CurrentUser, on db: any Database,
                             now: Date, messaging: Messaging) async throws
    {
        guard let process = try await ParticipatoryProcess.find(debate.processID, on: db) else {
            throw ParticipationError.processNotFound
        }
        if debate.authorID != user.id { try await ParticipationPolicy.requireOrganizer(user, of: process, on: db) }
        guard debate.closedAt == nil else { throw ParticipationError.debateClosed }
        var errors: [FieldError] = []
        let conclusion = Validate.text(raw, field: "conclusion", max: 6000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        debate.conclusion = conclusion
        debate.closedAt = now
        debate.closedBy = user.id
        let id = try debate.requireID()
        try await db.transaction { tx in
            try await debate.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "debate.closed", subjectType: "debate",
                                      subjectID: id.uuidString, at: now)
            try await FollowService.tell(followersOf: .debate, id, key: "notification.debate_closed", arguments: [debate.title],
                                         link: "debates/\(id)", except: user.id, on: tx, messaging: messaging, now: now)
        }
    }
}
