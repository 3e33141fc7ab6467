import Directory
import Fluent
import Platform
import Projects
import Vapor

/// A page of comments with their first replies, and the form to comment (replies are posted from their own page).
/// The comments themselves come rendered (`participation/comment-items`), from the room's cache when the same
/// page was rendered for the same kind of viewer since the thread last changed.
struct CommentThreadView: Encodable {
    let subjectType: String
    let subjectID: String
    /// The rendered list of this page's comments.
    let items: String
    /// How many first-level comments this page shows.
    let shown: Int
    let total: Int
    let mayPost: Bool
    let stances: Bool
    let moderator: Bool
    let viewerID: String?
    let order: String
    let orders: [ChoiceOption]
    let pagination: PaginationView
    let form: FormState
    let back: String
    let signedIn: Bool

    struct Items: Encodable {
        struct Links: Encodable {
            let comments: String
            let reports: String
        }

        let comments: [CommentRow]
        let mayPost: Bool
        let signedIn: Bool
        let back: String
        let links: Links
    }

    static func make(_ type: CommentSubject, _ id: UUID, process: ParticipatoryProcess?, page: PageQuery,
                     order: CommentThread.Order, moderator: Bool, open: Bool, form: FormState, path: String,
                     revision: ThreadCache.Revision? = nil, _ req: Request) async throws -> CommentThreadView
    {
        let (rows, total, fresh) = try await CommentThread.cachedPage(type, id, order: order, page: page, moderator: moderator,
                                                                      revision: revision, req)
        let mayPost = req.currentUser?.may(.participate) == true && open
        let items = Items(comments: rows, mayPost: mayPost, signedIn: req.currentUser != nil, back: path,
                          links: .init(comments: ParticipationSiteURL.comments.path(in: req.language),
                                       reports: ParticipationSiteURL.reports.path(in: req.language)))
        // Everything the list shows: the thread's page at its revision, and what differs between viewers.
        let key = fresh.map { fresh in
            ["comments", req.language.rawValue, id.uuidString, order.rawValue, String(page.number), String(page.size),
             moderator ? "m" : "", String(fresh.subject), String(fresh.names), mayPost ? "p" : "", items.signedIn ? "s" : "",
             path, rows.flatMap { [$0] + $0.replies }.filter(\.mine).map(\.id.uuidString).joined(separator: ",")]
                .joined(separator: "\u{1F}")
        }
        let cache = req.application.participationCache
        var html = key.flatMap { cache.fragment($0) }
        if html == nil, !rows.isEmpty {
            let rendered = String(buffer: try await req.view.render("participation/comment-items", items).data)
            if let key { cache.storeFragment(key, rendered) }
            html = rendered
        }
        return CommentThreadView(
            subjectType: type.rawValue, subjectID: id.uuidString, items: html ?? "", shown: rows.count, total: total,
            mayPost: mayPost, stances: process?.stances == true,
            moderator: moderator, viewerID: req.currentUser?.id.uuidString, order: order.rawValue,
            orders: CommentThread.Order.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("participation.comments_order." + $0.rawValue),
                             selected: $0 == order) },
            pagination: PaginationView(request: page, total: total, path: path, query: ["order": order.rawValue],
                                       parameter: "comments_page"),
            form: form, back: path, signedIn: req.currentUser != nil)
    }
}
