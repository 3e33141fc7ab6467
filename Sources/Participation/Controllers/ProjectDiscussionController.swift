import Fluent
import Platform
import Projects
import Vapor

/// A project's discussion: comments of people on a project of the Projects room, threaded like a proposal's.
struct ProjectDiscussionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.projects.pathComponents + [":project", "discussion"], use: show)
    }

    struct Context: Encodable {
        let page: PageMeta
        let project: LocalizedText
        let projectPath: String
        let originProposal: String?
        let thread: CommentThreadView
    }

    @Sendable func show(req: Request) async throws -> Response {
        let project = try await req.find(Project.self, "project", orElse: ProjectsError.projectNotFound)
        return try await Self.render(req, project: project, comment: .empty)
    }

    static func render(_ req: Request, project: Project, comment: FormState) async throws -> Response {
        // A draft is its association's business (ProjectsPolicy): no discussion before it is submitted.
        guard project.state != .draft else { throw ProjectsError.projectNotFound }
        let order = CommentThread.Order(rawValue: req.query[String.self, at: "order"] ?? "") ?? .oldest
        let thread = try await CommentThreadView.make(
            .project, try project.requireID(), process: nil, page: try PageQuery(from: req, parameter: "comments_page"),
            order: order, moderator: req.currentUser?.may(.moderate) == true, open: true,
            form: comment.prefixed("comment-"), path: req.url.path, req)
        let title = LocalizedText(project.title, in: req.language)
        return try await req.render("participation/project-discussion", Context(
            page: try await PageMeta.make(for: req, titleKey: "participation.project_discussion_title", title.text),
            project: title, projectPath: ProjectsSiteURL.projects.path(in: req.language) + "/" + project.slug,
            originProposal: project.originKind == "proposal" ? project.originID?.uuidString : nil, thread: thread))
    }
}
