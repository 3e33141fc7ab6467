import Fluent
import Platform
import SQLKit
import Vapor

/// Reports of content and of people; hiding with a reason (audited, shown as "hidden by moderation"); approving
/// what waits in a pre-moderated process; suspending an account until a day.
public enum ModerationService {
    public struct ReportInput: Content, Sendable {
        public var subjectType: String?
        public var subjectID: UUID?
        public var reason: String?
        public var details: String?
        public init(subjectType: String? = nil, subjectID: UUID? = nil, reason: String? = nil, details: String? = nil) {
            self.subjectType = subjectType
            self.subjectID = subjectID
            self.reason = reason
            self.details = details
        }
    }

    public struct SuspensionInput: Content, Sendable {
        public var userID: UUID?
        public var reason: String?
        public var until: String?
        public init(userID: UUID? = nil, reason: String? = nil, until: String? = nil) {
            self.userID = userID
            self.reason = reason
            self.until = until
        }
    }

    /// Who may moderate: the network's moderators, or the organisers of the content's process.
    static func requireModerator(_ user: CurrentUser, processID: UUID?, on db: any Database) async throws {
        if user.may(.moderate) { return }
        guard let processID, let process = try await ParticipatoryProcess.find(processID, on: db),
              try await ParticipationPolicy.isOrganizer(user, of: process, on: db)
        else { throw PlatformError.forbidden(permission: .moderate) }
    }

    /// The process a piece of content belongs to (nil: a person, or a project's comment).
    static func processID(of type: ReportSubject, _ id: UUID, on db: any Database) async throws -> UUID? {
        switch type {
        case .proposal:
            guard let proposal = try await Proposal.find(id, on: db) else { throw ParticipationError.proposalNotFound }
            return proposal.processID
        case .debate:
            guard let debate = try await Debate.find(id, on: db) else { throw ParticipationError.debateNotFound }
            return debate.processID
        case .comment:
            guard let comment = try await Comment.find(id, on: db) else { throw ParticipationError.commentNotFound }
            return comment.processID
        case .user:
            guard try await User.find(id, on: db) != nil else { throw PlatformError.notFound }
            return nil
        }
    }

    public static func report(_ input: ReportInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> ModerationReport
    {
        try user.require(.participate)
        var errors: [FieldError] = []
        let type = Validate.choice(input.subjectType, field: "subject_type", as: ReportSubject.self, into: &errors)
        if input.subjectID == nil { errors.append(FieldError("subject_id", "validation.required")) }
        let reason = Validate.choice(input.reason, field: "reason", as: ReportReason.self, into: &errors)
        let details = Validate.text(input.details, field: "details", max: 1000, required: reason == .other, into: &errors)
        guard errors.isEmpty, let type, let id = input.subjectID, let reason else { throw ValidationFailure(errors) }
        _ = try await processID(of: type, id, on: db)
        try await Throttle.hit("participation.report:\(user.id)", ParticipationPolicy.postsPerMinute, on: db, now: now)
        if try await ModerationReport.query(on: db).filter(\.$subjectType == type).filter(\.$subjectID == id)
            .filter(\.$reporterID == user.id).count() > 0 { throw ParticipationError.alreadyReported }
        let report = ModerationReport()
        report.subjectType = type
        report.subjectID = id
        report.reporterID = user.id
        report.reason = reason
        report.details = details.isEmpty ? nil : details
        report.createdAt = now
        try await db.transaction { tx in
            try await report.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "moderation.reported",
                                      subjectType: type.rawValue, subjectID: id.uuidString,
                                      details: ["reason": reason.rawValue], at: now)
        }
        return report
    }

    static func table(_ type: ReportSubject) -> String? {
        switch type {
        case .proposal: Proposal.schema
        case .debate: Debate.schema
        case .comment: Comment.schema
        case .user: nil
        }
    }

    /// A moderator's action as the moderation form and the API send it (the id as typed, checked here).
    public struct ActionInput: Content, Sendable {
        public var subjectType: String?
        public var subjectID: String?
        /// `hide`, `restore`, `dismiss`, `approve`.
        public var action: String?
        public var reason: String?
    }

    /// One moderator's action on a subject named by its type and id as a form or the API sends them: `hide`,
    /// `restore` (with a reason), `dismiss` its reports, or `approve` it out of pre-moderation.
    public static func act(_ input: ActionInput, by user: CurrentUser, on db: any Database, now: Date,
                           messaging: Messaging) async throws
    {
        let (rawType, rawID, action, reason) = (input.subjectType, input.subjectID, input.action, input.reason)
        var errors: [FieldError] = []
        let type = Validate.choice(rawType, field: "subject_type", as: ReportSubject.self, into: &errors)
        let id = rawID.flatMap { UUID(uuidString: $0) }
        if id == nil { errors.append(FieldError("subject_id", rawID == nil ? "validation.required" : "validation.invalid_choice")) }
        if !["hide", "restore", "dismiss", "approve"].contains(action ?? "") {
            errors.append(FieldError("action", action == nil ? "validation.required" : "validation.invalid_choice"))
        }
        guard errors.isEmpty, let type, let id else { throw ValidationFailure(errors) }
        switch action {
        case "hide": try await hide(type, id, hide: true, reason: reason, by: user, on: db, now: now)
        case "restore": try await hide(type, id, hide: false, reason: reason, by: user, on: db, now: now)
        case "dismiss": try await dismiss(type, id, by: user, on: db, now: now)
        default: try await approve(type, id, by: user, on: db, now: now, messaging: messaging)
        }
    }

    /// Hides content with a reason, or shows it again (`hide: false`); its open reports are resolved.
    public static func hide(_ type: ReportSubject, _ id: UUID, hide: Bool, reason raw: String?, by user: CurrentUser,
                            on db: any Database, now: Date) async throws
    {
        guard let table = table(type) else { throw ValidationFailure([FieldError("subject_type", "validation.invalid_choice")]) }
        try await requireModerator(user, processID: try await processID(of: type, id, on: db), on: db)
        var errors: [FieldError] = []
        let reason = Validate.text(raw, field: "reason", max: 1000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            if hide {
                try await sql.update(table).set("hidden_at", to: SQLBind(now)).set("hidden_reason", to: SQLBind(reason))
                    .where("id", .equal, SQLBind(id)).run()
            } else {
                try await sql.update(table).set("hidden_at", to: SQLLiteral.null).set("hidden_reason", to: SQLLiteral.null)
                    .where("id", .equal, SQLBind(id)).run()
            }
            try await resolveReports(type, id, as: hide ? "hidden" : "restored", by: user, on: tx, now: now)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: hide ? "moderation.hidden" : "moderation.restored",
                                      subjectType: type.rawValue, subjectID: id.uuidString, details: ["reason": reason],
                                      at: now)
        }
    }

    /// Closes the open reports of a subject without hiding it.
    public static func dismiss(_ type: ReportSubject, _ id: UUID, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        try await requireModerator(user, processID: try await processID(of: type, id, on: db), on: db)
        try await db.transaction { tx in
            try await resolveReports(type, id, as: "dismissed", by: user, on: tx, now: now)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "moderation.dismissed",
                                      subjectType: type.rawValue, subjectID: id.uuidString, at: now)
        }
    }

    static func resolveReports(_ type: ReportSubject, _ id: UUID, as resolution: String, by user: CurrentUser,
                               on db: any Database, now: Date) async throws
    {
        try await ModerationReport.query(on: db).filter(\.$subjectType == type).filter(\.$subjectID == id)
            .filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: now).set(\.$resolvedBy, to: user.id)
            .set(\.$resolution, to: resolution).update()
    }

    /// Lets a pre-moderated proposal, debate or comment show; counts and notifications follow.
    public static func approve(_ type: ReportSubject, _ id: UUID, by user: CurrentUser, on db: any Database, now: Date,
                               messaging: Messaging) async throws
    {
        try await requireModerator(user, processID: try await processID(of: type, id, on: db), on: db)
        try await db.transaction { tx in
            switch type {
            case .proposal:
                guard let proposal = try await Proposal.find(id, on: tx) else { throw ParticipationError.proposalNotFound }
                proposal.pendingModeration = false
                try await proposal.save(on: tx)
            case .debate:
                guard let debate = try await Debate.find(id, on: tx) else { throw ParticipationError.debateNotFound }
                debate.pendingModeration = false
                try await debate.save(on: tx)
            case .comment:
                guard let comment = try await Comment.find(id, on: tx) else { throw ParticipationError.commentNotFound }
                guard comment.pendingModeration else { return }
                comment.pendingModeration = false
                try await comment.save(on: tx)
                try await CommentService.recount(comment, on: tx)
                let target = try await CommentService.target(comment.subjectType, comment.subjectID, on: tx)
                let parent = try await comment.parentID.asyncMap { try await Comment.find($0, on: tx) }
                try await CommentService.announce(comment, target: target, parent: parent, on: tx, messaging: messaging,
                                                  now: now)
            case .user:
                throw ValidationFailure([FieldError("subject_type", "validation.invalid_choice")])
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "moderation.approved",
                                      subjectType: type.rawValue, subjectID: id.uuidString, at: now)
        }
    }

    /// Suspends an account from taking part until a day (included), with the reason; the person is told.
    public static func suspend(_ input: SuspensionInput, by user: CurrentUser, on db: any Database, now: Date,
                               messaging: Messaging) async throws -> Suspension
    {
        try user.require(.moderate)
        var errors: [FieldError] = []
        if input.userID == nil { errors.append(FieldError("user_id", "validation.required")) }
        else if try await User.find(input.userID, on: db) == nil { errors.append(FieldError("user_id", "validation.invalid_choice")) }
        if input.userID == user.id { errors.append(FieldError("user_id", "validation.invalid_choice")) }
        let reason = Validate.text(input.reason, field: "reason", max: 1000, into: &errors)
        let until = Validate.date(input.until, field: "until", into: &errors)
        if ISODate.parse(until) != nil, until < ISODate.string(now) { errors.append(FieldError("until", "validation.date_in_past")) }
        guard errors.isEmpty, let target = input.userID else { throw ValidationFailure(errors) }
        let suspension = Suspension()
        suspension.userID = target
        suspension.reason = reason
        suspension.until = until
        suspension.suspendedBy = user.id
        suspension.createdAt = now
        try await db.transaction { tx in
            try await suspension.create(on: tx)
            try await resolveReports(.user, target, as: "suspended", by: user, on: tx, now: now)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "moderation.suspended", subjectType: "user",
                                      subjectID: target.uuidString, details: ["until": until, "reason": reason], at: now)
            try await Notifier.notify(userIDs: [target], messageKey: "notification.suspended", arguments: [until, reason],
                                      link: "account", on: tx, catalog: messaging.catalog, baseURL: messaging.baseURL,
                                      at: now)
        }
        return suspension
    }

    public static func lift(_ suspension: Suspension, by user: CurrentUser, on db: any Database, now: Date) async throws {
        try user.require(.moderate)
        suspension.liftedAt = now
        try await db.transaction { tx in
            try await suspension.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "moderation.suspension_lifted",
                                      subjectType: "user", subjectID: suspension.userID.uuidString, at: now)
        }
    }
}
