import Directory
import Fluent
import Platform
import Projects
import Vapor

/// Comments (posting, replies page by page, editing); debates, reports, moderation and unsubscribing are in the
/// extensions beside this file.
struct DiscussionWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let comments = ParticipationSiteURL.comments.pathComponents
        routes.post(comments, use: postComment)
        routes.get(comments + [":id", "replies"], use: replies)
        routes.get(comments + [":id", "edit"], use: editCommentForm)
        routes.post(comments + [":id", "edit"], use: editComment)
        routes.get(ParticipationSiteURL.reports.pathComponents + ["new"], use: reportForm)
        routes.post(ParticipationSiteURL.reports.pathComponents, use: report)
        let processDebates = ParticipationSiteURL.processes.pathComponents + [":process", "debates"]
        routes.get(processDebates, use: debates)
        routes.post(processDebates, use: openDebate)
        let debate = ParticipationSiteURL.debates.pathComponents + [":id"]
        routes.get(debate, use: showDebate)
        routes.post(debate + ["close"], use: closeDebate)
        routes.post(debate + ["follow"], use: followDebate)
        routes.get(ParticipationSiteURL.moderation.pathComponents, use: moderation)
        routes.post(ParticipationSiteURL.moderation.pathComponents + ["actions"], use: moderate)
        routes.post(ParticipationSiteURL.moderation.pathComponents + ["suspensions"], use: suspend)
        routes.get(ParticipationSiteURL.unsubscribe.pathComponents + [":token"], use: unsubscribePage)
        routes.post(ParticipationSiteURL.unsubscribe.pathComponents + [":token"], use: unsubscribe)
    }

    // MARK: comments

    struct CommentForm: Decodable {
        var subjectType: String?
        var subjectID: String?
        var parentID: String?
        var body: String?
        var stance: String?
        var back: String?

        var input: CommentInput {
            CommentInput(subjectType: subjectType, subjectID: subjectID.flatMap { UUID(uuidString: $0) },
                         parentID: parentID.flatMap { UUID(uuidString: $0) }, body: body, stance: stance)
        }
    }

    /// The subject's page, where the comment form is.
    static func subjectPath(_ type: String?, _ id: String?, _ req: Request) async throws -> String {
        guard let id, let uuid = UUID(uuidString: id) else { throw ParticipationError.commentNotFound }
        switch CommentSubject(rawValue: type ?? "") {
        case .proposal: return ParticipationSiteURL.proposals.path(in: req.language) + "/" + uuid.uuidString
        case .debate: return ParticipationSiteURL.debates.path(in: req.language) + "/" + uuid.uuidString
        case .project:
            guard let project = try await Project.find(uuid, on: req.db) else { throw ProjectsError.projectNotFound }
            return ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug + "/discussion"
        case nil: throw ParticipationError.commentNotFound
        }
    }

    /// Posts, then back to the comment on its subject's page (a reply: on its thread's last page of replies);
    /// refused, the page of the form again with its errors.
    @Sendable func postComment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(CommentForm.self)
        let back = try await Self.subjectPath(form.subjectType, form.subjectID, req)
        return try await req.submitting {
            let comment = try await CommentService.post(form.input, by: user, on: req.db, now: req.now, messaging: req.messaging)
            let anchor = "#comment-" + (try comment.requireID()).uuidString
            guard let parentID = comment.parentID, let parent = try await Comment.find(parentID, on: req.db) else {
                return req.seeOther(back + anchor)
            }
            let last = max(1, (parent.replyCount + PageQuery.defaultSize - 1) / PageQuery.defaultSize)
            return req.seeOther(ParticipationSiteURL.comments.path(in: req.language) + "/\(parentID)/replies?page=\(last)" + anchor)
        } refused: { state in
            if let parentID = form.input.parentID, var parent = try await Comment.find(parentID, on: req.db) {
                // A reply to a reply is refused on the thread it belongs to.
                if let top = parent.parentID, let first = try await Comment.find(top, on: req.db) { parent = first }
                return try await renderReplies(req, parent, form: state)
            }
            return try await renderSubject(req, type: form.subjectType, id: form.subjectID, comment: state)
        }
    }

    func renderSubject(_ req: Request, type: String?, id: String?, comment: FormState) async throws -> Response {
        guard let id = id.flatMap({ UUID(uuidString: $0) }) else { throw ParticipationError.commentNotFound }
        switch CommentSubject(rawValue: type ?? "") {
        case .proposal:
            guard let (snapshot, revisions) = try await ProposalSnapshot.load(id, req) else {
                throw ParticipationError.proposalNotFound
            }
            try await ProposalsWebController.requireVisible(snapshot.proposal, process: snapshot.process.process, req)
            var forms = ProposalPageForms()
            forms.comment = comment
            let context = try await ProposalPageContext.make(snapshot, revisions: revisions, forms: forms,
                                                             commentsPage: PageQuery(), order: .oldest, req)
            return try await req.render("participation/proposal", context)
        case .debate:
            guard let debate = try await Debate.find(id, on: req.db) else { throw ParticipationError.debateNotFound }
            return try await renderDebate(req, debate, comment: comment, close: .empty)
        case .project:
            guard let project = try await Project.find(id, on: req.db) else { throw ProjectsError.projectNotFound }
            return try await ProjectDiscussionController.render(req, project: project, comment: comment)
        case nil: throw ParticipationError.commentNotFound
        }
    }

    struct RepliesContext: Encodable {
        let page: PageMeta
        let parent: CommentRow
        let replies: [CommentRow]
        let total: Int
        let back: String
        let pagination: PaginationView
        let mayPost: Bool
        let signedIn: Bool
        let form: FormState
        let subjectType: String
        let subjectID: String
    }

    @Sendable func replies(req: Request) async throws -> Response {
        let comment = try await req.find(Comment.self, id: "id", orElse: ParticipationError.commentNotFound)
        return try await renderReplies(req, comment, form: .empty)
    }

    /// A comment's replies page by page, and the form to reply where the subject takes comments.
    func renderReplies(_ req: Request, _ comment: Comment, form: FormState) async throws -> Response {
        guard comment.parentID == nil, !comment.pendingModeration || comment.authorID == req.currentUser?.id else {
            throw ParticipationError.commentNotFound
        }
        try await CommentService.readable(comment.subjectType, comment.subjectID, viewer: req.currentUser, on: req.db)
        let pageQuery = try PageQuery(from: req)
        let moderator = req.currentUser?.may(.moderate) == true
        let (rows, total) = try await CommentThread.replies(of: try comment.requireID(), page: pageQuery,
                                                            viewer: req.currentUser, moderator: moderator, on: req.db)
        let parent = try await CommentThread.named([CommentThread.row(of: comment)], reader: req.reader, viewer: req.currentUser?.id, on: req.db)
        let named = try await CommentThread.named(rows, reader: req.reader, viewer: req.currentUser?.id, on: req.db)
        let back = try await Self.subjectPath(comment.subjectType.rawValue, comment.subjectID.uuidString, req)
        var mayPost = false
        if let user = req.currentUser, comment.hiddenAt == nil {
            mayPost = try await CommentService.mayPost(on: comment.subjectType, comment.subjectID, by: user, on: req.db,
                                                       now: req.now)
        }
        return try await req.render("participation/replies", RepliesContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.replies_title"), parent: parent[0],
            replies: named, total: total, back: back + "#comment-" + (try comment.requireID()).uuidString,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path), mayPost: mayPost,
            signedIn: req.currentUser != nil, form: form.prefixed("reply-"), subjectType: comment.subjectType.rawValue,
            subjectID: comment.subjectID.uuidString), status: form.hasErrors ? .unprocessableEntity : .ok)
    }

    struct EditCommentForm: Decodable {
        var body: String?
    }

    struct EditCommentContext: Encodable {
        let page: PageMeta
        let form: FormState
        let action: String
        let back: String
    }

    @Sendable func editCommentForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let comment = try await req.find(Comment.self, id: "id", orElse: ParticipationError.commentNotFound)
        guard comment.authorID == user.id, comment.hiddenAt == nil else { throw ParticipationError.notTheAuthor }
        let back = try await Self.subjectPath(comment.subjectType.rawValue, comment.subjectID.uuidString, req)
            + "#comment-" + (try comment.requireID()).uuidString
        return try await req.render("participation/comment-edit", EditCommentContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.edit_comment"),
            form: FormState(values: ["body": comment.body], errors: [:]), action: req.url.path, back: back))
    }

    @Sendable func editComment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let comment = try await req.find(Comment.self, id: "id", orElse: ParticipationError.commentNotFound)
        let back = try await Self.subjectPath(comment.subjectType.rawValue, comment.subjectID.uuidString, req)
            + "#comment-" + (try comment.requireID()).uuidString
        return try await req.submitting {
            try await CommentService.edit(comment, body: try req.form(EditCommentForm.self).body, by: user, on: req.db,
                                          now: req.now)
            return req.seeOther(back)
        } refused: { form in
            try await req.render("participation/comment-edit", EditCommentContext(
                page: try await PageMeta.make(for: req, titleKey: "participation.edit_comment"), form: form,
                action: req.url.path, back: back))
        }
    }
}
