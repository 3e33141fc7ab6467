import Directory
import Fluent
import Platform
import Projects
import Vapor

/// Comments (posting, replies page by page, editing), debates, reports, the moderators' queue and the one-click
/// unsubscribe page.
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
            guard let proposal = try await Proposal.find(id, on: req.db) else { throw ParticipationError.proposalNotFound }
            var forms = ProposalPageForms()
            forms.comment = comment
            let context = try await ProposalPageContext.make(proposal, forms: forms, commentsPage: PageQuery(),
                                                             order: .oldest, req)
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

    // MARK: reports

    struct ReportForm: Decodable {
        var subjectType: String?
        var subjectID: String?
        var reason: String?
        var details: String?
        var back: String?

        init(subjectType: String?, subjectID: String?, back: String?) {
            self.subjectType = subjectType
            self.subjectID = subjectID
            self.back = back
        }
    }

    struct ReportContext: Encodable {
        let page: PageMeta
        let form: FormState
        let reasons: [ChoiceOption]
        let subjectType: String
        let subjectID: String
        let back: String
        let sent: Bool
    }

    /// The report form, reached from a report link (`subject_type`, `subject_id`, `back` in the query).
    @Sendable func reportForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        let form = ReportForm(subjectType: req.query[String.self, at: "subject_type"],
                              subjectID: req.query[String.self, at: "subject_id"],
                              back: req.query[String.self, at: "back"])
        return try await renderReport(req, form, state: .empty, sent: false)
    }

    func renderReport(_ req: Request, _ form: ReportForm, state: FormState, sent: Bool) async throws -> Response {
        try await req.render("participation/report", ReportContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.report_title"), form: state.grouping("reason"),
            reasons: ChoiceOption.cases(ReportReason.self, key: "participation.report_reason",
                                        selected: state.values["reason"], req),
            subjectType: form.subjectType ?? "", subjectID: form.subjectID ?? "",
            back: LocalRedirect.path(form.back) ?? "/" + req.language.rawValue + "/", sent: sent))
    }

    @Sendable func report(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(ReportForm.self)
        return try await req.submitting {
            _ = try await ModerationService.report(
                ModerationService.ReportInput(subjectType: form.subjectType, subjectID: form.subjectID.flatMap { UUID(uuidString: $0) },
                                              reason: form.reason, details: form.details), by: user, on: req.db, now: req.now)
            return try await renderReport(req, form, state: .empty, sent: true)
        } refused: { state in
            try await renderReport(req, form, state: state, sent: false)
        }
    }

    // MARK: debates

    struct DebatesContext: Encodable {
        let page: PageMeta
        let process: ProcessView
        let processPath: String
        let debates: [ProcessesWebController.DebateLine]
        let total: Int
        let canOpen: Bool
        let form: FormState
        let pagination: PaginationView
    }

    func renderDebates(_ req: Request, process: ParticipatoryProcess, form: FormState) async throws -> Response {
        let phases = try await ProcessService.phases(of: process, on: req.db)
        let isOrganizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
        let view = try await ProcessView.make(process, phases: phases, organizerView: isOrganizer, req)
        let pageQuery = try PageQuery(from: req)
        let query = Debate.query(on: req.db).filter(\.$processID == (try process.requireID()))
            .filter(\.$pendingModeration == false)
        let total = try await query.count()
        let debates = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(pageQuery.range).all()
        return try await req.render("participation/debates", DebatesContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.debates_title", view.title.text), process: view,
            processPath: ProcessesWebController.path(process, req),
            debates: try debates.map { .init(id: try $0.requireID().uuidString, title: $0.title, comments: $0.commentCount,
                                             closed: $0.closedAt != nil) },
            total: total,
            canOpen: req.currentUser != nil && (isOrganizer || view.openings.contains(PhaseOpening.debate.rawValue)),
            form: form, pagination: PaginationView(request: pageQuery, total: total, path: req.url.path)))
    }

    @Sendable func debates(req: Request) async throws -> Response {
        try await renderDebates(req, process: try await ProcessesWebController.process(req), form: .empty)
    }

    struct DebateForm: Decodable {
        var title: String?
        var description: String?
    }

    @Sendable func openDebate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await ProcessesWebController.process(req)
        return try await req.submitting {
            let form = try req.form(DebateForm.self)
            let debate = try await DebateService.open(DebateInput(processID: try process.requireID(), title: form.title,
                                                                  description: form.description), by: user, on: req.db,
                                                      now: req.now)
            return req.seeOther(ParticipationSiteURL.debates.path(in: req.language) + "/" + (try debate.requireID()).uuidString)
        } refused: { form in
            try await renderDebates(req, process: process, form: form)
        }
    }

    struct DebateContext: Encodable {
        let page: PageMeta
        let debate: DebateView
        let process: ProcessView
        let processPath: String
        let mayClose: Bool
        let following: Bool
        let thread: CommentThreadView
        let stances: [ChoiceOption]
        let closeForm: FormState
    }

    struct DebateView: Encodable {
        let id: String
        let title: String
        let description: String
        let author: String
        let createdAt: Date
        let conclusion: String?
        let closedAt: Date?
        let hidden: Bool
        let comments: Int
    }

    static func debate(_ req: Request) async throws -> Debate {
        let debate = try await req.find(Debate.self, id: "id", orElse: ParticipationError.debateNotFound)
        if debate.pendingModeration, debate.authorID != req.currentUser?.id, req.currentUser?.may(.moderate) != true {
            throw ParticipationError.debateNotFound
        }
        return debate
    }

    func renderDebate(_ req: Request, _ debate: Debate, comment: FormState, close: FormState) async throws -> Response {
        guard let process = try await ParticipatoryProcess.find(debate.processID, on: req.db) else {
            throw ParticipationError.processNotFound
        }
        let id = try debate.requireID()
        let phases = try await ProcessService.phases(of: process, on: req.db)
        let isOrganizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
        let view = try await ProcessView.make(process, phases: phases, organizerView: isOrganizer, req)
        let order = CommentThread.Order(rawValue: req.query[String.self, at: "order"] ?? "") ?? .oldest
        let moderator = try await ProposalPageContext.mayModerate(req.currentUser, process: process, req)
        let thread = try await CommentThreadView.make(
            .debate, id, process: process, page: try PageQuery(from: req, parameter: "comments_page"), order: order,
            moderator: moderator, open: debate.closedAt == nil && view.openings.contains(PhaseOpening.comment.rawValue),
            form: comment.prefixed("comment-"), path: req.url.path, req)
        let names = try await req.reader.authorNames([debate.authorID], on: req.db)
        return try await req.render("participation/debate", DebateContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.debate_title", debate.title),
            debate: DebateView(id: id.uuidString, title: debate.title, description: debate.details,
                               author: names.name(of: debate.authorID, stored: ""), createdAt: debate.createdAt,
                               conclusion: debate.conclusion, closedAt: debate.closedAt, hidden: debate.hiddenAt != nil,
                               comments: debate.commentCount),
            process: view, processPath: ProcessesWebController.path(process, req),
            mayClose: debate.closedAt == nil && (isOrganizer || (req.currentUser != nil && debate.authorID == req.currentUser?.id)),
            following: try await req.currentUser.asyncMap { try await FollowService.find(.debate, id, userID: $0.id, on: req.db) } != nil,
            thread: thread,
            stances: ChoiceOption.cases(Stance.self, key: "participation.stance", selected: comment.values["stance"], req),
            closeForm: close.prefixed("close-")))
    }

    @Sendable func showDebate(req: Request) async throws -> Response {
        try await renderDebate(req, try await Self.debate(req), comment: .empty, close: .empty)
    }

    struct CloseForm: Decodable {
        var conclusion: String?
    }

    @Sendable func closeDebate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let debate = try await Self.debate(req)
        return try await req.submitting {
            try await DebateService.close(debate, conclusion: try req.form(CloseForm.self).conclusion, by: user, on: req.db,
                                          now: req.now, messaging: req.messaging)
            return req.seeOther(ParticipationSiteURL.debates.path(in: req.language) + "/" + (try debate.requireID()).uuidString)
        } refused: { form in
            try await renderDebate(req, debate, comment: .empty, close: form)
        }
    }

    @Sendable func followDebate(req: Request) async throws -> Response {
        let id = try await Self.debate(req).requireID()
        return try await ProcessesWebController.following(.debate, id, req,
                                                          back: ParticipationSiteURL.debates.path(in: req.language) + "/" + id.uuidString)
    }

    // MARK: moderation

    @Sendable func moderation(req: Request) async throws -> Response {
        try await ModerationPage.render(req, action: .empty, suspension: .empty)
    }

    struct ModerateForm: Decodable {
        var subjectType: String?
        var subjectID: String?
        /// `hide`, `restore`, `dismiss`, `approve`.
        var action: String?
        var reason: String?
    }

    @Sendable func moderate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(ModerateForm.self)
        return try await req.submitting {
            try await ModerationService.act(type: form.subjectType, id: form.subjectID, action: form.action,
                                            reason: form.reason, by: user, on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ParticipationSiteURL.moderation.path(in: req.language))
        } refused: { state in
            try await ModerationPage.render(req, action: state, suspension: .empty)
        }
    }

    struct SuspendForm: Decodable {
        /// From a report of a person; else the account's e-mail address.
        var userID: String?
        var email: String?
        var reason: String?
        var until: String?
    }

    @Sendable func suspend(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(SuspendForm.self)
        return try await req.submitting {
            let email = User.normalize(email: form.email ?? "")
            var target = try await form.userID.flatMap { UUID(uuidString: $0) }.asyncMap { try await User.find($0, on: req.db) }
            if target == nil { target = try await User.query(on: req.db).filter(\.$email == email).first() }
            if target == nil {
                throw ValidationFailure([FieldError("email", email.isEmpty ? "validation.required" : "validation.unknown_account")])
            }
            _ = try await ModerationService.suspend(
                ModerationService.SuspensionInput(userID: target?.id, reason: form.reason, until: form.until), by: user,
                on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ParticipationSiteURL.moderation.path(in: req.language))
        } refused: { state in
            try await ModerationPage.render(req, action: .empty, suspension: state)
        }
    }

    // MARK: unsubscribe

    struct UnsubscribeContext: Encodable {
        let page: PageMeta
        let token: String
        let known: Bool
        let done: Bool
    }

    /// The link in a message: a page with one button (a link a mail scanner opens changes nothing).
    @Sendable func unsubscribePage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let known = try await Follow.query(on: req.db).filter(\.$unsubscribeToken == token).count() > 0
        return try await req.render("participation/unsubscribe", UnsubscribeContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.unsubscribe_title", startsSession: true),
            token: token, known: known, done: false))
    }

    @Sendable func unsubscribe(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let follow = try await FollowService.unsubscribe(token: token, on: req.db)
        return try await req.render("participation/unsubscribe", UnsubscribeContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.unsubscribe_title"), token: token,
            known: follow != nil, done: follow != nil))
    }
}
