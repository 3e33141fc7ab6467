import Directory
import Fluent
import Platform
import Projects
import Vapor

/// Debates: a process's list, opening one, its page with the comments, closing it with a conclusion, following it.
extension DiscussionWebController {
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
}
