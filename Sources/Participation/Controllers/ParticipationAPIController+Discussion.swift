import Fluent
import Platform
import Vapor

/// `/api/v1/comments`, `/api/v1/debates`, `/api/v1/reports`, `/api/v1/moderation` and `/api/v1/follows`.
extension ParticipationAPIController {
    // MARK: comments

    @Sendable func commentList(req: Request) async throws -> Response {
        var errors: [FieldError] = []
        let type = Validate.choice(req.query[String.self, at: "subject_type"], field: "subject_type", as: CommentSubject.self,
                                   into: &errors)
        let id = req.query[String.self, at: "subject_id"].flatMap { UUID(uuidString: $0) }
        if id == nil { errors.append(FieldError("subject_id", "validation.invalid_choice")) }
        var order = CommentThread.Order.oldest
        if let raw = req.query[String.self, at: "order"], !raw.isEmpty {
            order = Validate.choice(raw, field: "order", as: CommentThread.Order.self, into: &errors) ?? .oldest
        }
        let page = try PageQuery(from: req)
        guard errors.isEmpty, let type, let id else { throw ValidationFailure(errors) }
        // The subject must be readable by this viewer.
        _ = try await CommentService.readable(type, id, viewer: req.currentUser, on: req.db)
        let moderator = req.currentUser?.may(.moderate) == true
        let (rows, total, revision) = try await CommentThread.cachedPage(type, id, order: order, page: page,
                                                                         moderator: moderator, req)
        let paged = Paged(items: rows, request: page, total: total)
        // The answer as written for the thread's revision and the viewer's own comments on the page (marked as
        // theirs): a popular thread is encoded once per change, not once per reader.
        guard let revision else { return try await paged.encodeResponse(for: req) }
        let mine = rows.flatMap { [$0] + $0.replies }.filter(\.mine).map(\.id.uuidString).joined(separator: ",")
        let key = ["comments-json", req.language.rawValue, id.uuidString, order.rawValue, String(page.number),
                   String(page.size), moderator ? "m" : "", String(revision.subject), String(revision.names), mine]
            .joined(separator: "\u{1F}")
        return try req.application.participationCache.json(key, paged)
    }

    @Sendable func replies(req: Request) async throws -> Paged<CommentRow> {
        let comment = try await req.find(Comment.self, id: "id", orElse: ParticipationError.commentNotFound)
        let page = try PageQuery(from: req)
        let (rows, total) = try await CommentThread.replies(of: try comment.requireID(), page: page, viewer: req.currentUser,
                                                            moderator: req.currentUser?.may(.moderate) == true, on: req.db)
        return Paged(items: try await CommentThread.named(rows, reader: req.reader, on: req.db), request: page, total: total)
    }

    @Sendable func postComment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let comment = try await CommentService.post(try req.content.decode(CommentInput.self), by: user, on: req.db,
                                                    now: req.now, messaging: req.messaging)
        let row = try await CommentThread.named([CommentThread.row(of: comment)], reader: req.reader, on: req.db)
        return try await row[0].encodeResponse(status: .created, for: req)
    }

    struct CommentEdit: Content {
        var body: String?
    }

    @Sendable func editComment(req: Request) async throws -> CommentRow {
        let user = try req.requireUser()
        let comment = try await req.find(Comment.self, id: "id", orElse: ParticipationError.commentNotFound)
        try await CommentService.edit(comment, body: try req.content.decode(CommentEdit.self).body, by: user, on: req.db,
                                      now: req.now)
        return try await CommentThread.named([CommentThread.row(of: comment)], reader: req.reader, on: req.db)[0]
    }

    // MARK: debates

    @Sendable func debateList(req: Request) async throws -> Paged<DebateDTO> {
        let page = try PageQuery(from: req)
        var query = Debate.query(on: req.db).filter(\.$pendingModeration == false)
        if let raw = req.query[String.self, at: "process"], !raw.isEmpty {
            guard let process = try await ParticipatoryProcess.find(idOrSlug: raw, on: req.db) else {
                throw ValidationFailure([FieldError("process", "validation.invalid_choice")])
            }
            query = query.filter(\.$processID == (try process.requireID()))
        }
        let q = try SearchText.read(req)
        if !q.isEmpty { query = query.filter(\.$title ~~ q) }
        let total = try await query.count()
        var items: [DebateDTO] = []
        for debate in try await query.sort(\.$createdAt, .descending).sort(\.$id).range(page.range).all() {
            items.append(try await DebateDTO.make(debate, req))
        }
        return Paged(items: items, request: page, total: total)
    }

    @Sendable func openDebate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let debate = try await DebateService.open(try req.content.decode(DebateInput.self), by: user, on: req.db, now: req.now)
        return try await DebateDTO.make(debate, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func debate(req: Request) async throws -> DebateDTO {
        let debate = try await req.find(Debate.self, id: "id", orElse: ParticipationError.debateNotFound)
        if debate.pendingModeration, debate.authorID != req.currentUser?.id, req.currentUser?.may(.moderate) != true {
            throw ParticipationError.debateNotFound
        }
        return try await DebateDTO.make(debate, req)
    }

    struct CloseBody: Content {
        var conclusion: String?
    }

    @Sendable func closeDebate(req: Request) async throws -> DebateDTO {
        let user = try req.requireUser()
        let debate = try await req.find(Debate.self, id: "id", orElse: ParticipationError.debateNotFound)
        try await DebateService.close(debate, conclusion: try req.content.decode(CloseBody.self).conclusion, by: user,
                                      on: req.db, now: req.now, messaging: req.messaging)
        return try await DebateDTO.make(debate, req)
    }

    // MARK: moderation, following

    struct Done: Content {
        let ok: Bool
    }

    @Sendable func report(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await ModerationService.report(try req.content.decode(ModerationService.ReportInput.self), by: user,
                                               on: req.db, now: req.now)
        return try await Done(ok: true).encodeResponse(status: .created, for: req)
    }

    @Sendable func moderate(req: Request) async throws -> Done {
        let user = try req.requireUser()
        try await ModerationService.act(try req.content.decode(ModerationService.ActionInput.self), by: user, on: req.db,
                                        now: req.now, messaging: req.messaging)
        return Done(ok: true)
    }

    @Sendable func suspend(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await ModerationService.suspend(try req.content.decode(ModerationService.SuspensionInput.self), by: user,
                                                on: req.db, now: req.now, messaging: req.messaging)
        return try await Done(ok: true).encodeResponse(status: .created, for: req)
    }

    struct FollowBody: Content {
        var subjectType: String?
        var subjectID: UUID?
    }

    func followed(_ req: Request) throws -> (FollowSubject, UUID) {
        let body = try req.content.decode(FollowBody.self)
        var errors: [FieldError] = []
        let type = Validate.choice(body.subjectType, field: "subject_type", as: FollowSubject.self, into: &errors)
        if body.subjectID == nil { errors.append(FieldError("subject_id", "validation.required")) }
        guard errors.isEmpty, let type, let id = body.subjectID else { throw ValidationFailure(errors) }
        return (type, id)
    }

    @Sendable func follow(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (type, id) = try followed(req)
        let exists: Bool = switch type {
        case .process: try await ParticipatoryProcess.find(id, on: req.db) != nil
        case .proposal: try await Proposal.find(id, on: req.db).map { $0.state != .draft } ?? false
        case .debate: try await Debate.find(id, on: req.db) != nil
        }
        guard exists else { throw ValidationFailure([FieldError("subject_id", "validation.invalid_choice")]) }
        try await FollowService.follow(type, id, userID: user.id, on: req.db, now: req.now)
        return try await Done(ok: true).encodeResponse(status: .created, for: req)
    }

    @Sendable func unfollow(req: Request) async throws -> Done {
        let user = try req.requireUser()
        let (type, id) = try followed(req)
        try await FollowService.unfollow(type, id, userID: user.id, on: req.db)
        return Done(ok: true)
    }
}
