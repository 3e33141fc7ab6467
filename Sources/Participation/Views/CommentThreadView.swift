import Directory
import Fluent
import Platform
import Projects
import Vapor

/// A page of comments with their first replies, and the form to comment (replies are posted from their own page).
struct CommentThreadView: Encodable {
    let subjectType: String
    let subjectID: String
    let comments: [CommentRow]
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

    static func make(_ type: CommentSubject, _ id: UUID, process: ParticipatoryProcess?, page: PageQuery,
                     order: CommentThread.Order, moderator: Bool, open: Bool, form: FormState, path: String,
                     _ req: Request) async throws -> CommentThreadView
    {
        let (rows, total) = try await CommentThread.page(type, id, order: order, page: page, viewer: req.currentUser,
                                                         moderator: moderator, on: req.db)
        let named = try await CommentThread.named(rows, reader: req.reader, viewer: req.currentUser?.id, on: req.db)
        return CommentThreadView(
            subjectType: type.rawValue, subjectID: id.uuidString, comments: named, total: total,
            mayPost: req.currentUser?.may(.participate) == true && open, stances: process?.stances == true,
            moderator: moderator, viewerID: req.currentUser?.id.uuidString, order: order.rawValue,
            orders: CommentThread.Order.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("participation.comments_order." + $0.rawValue),
                             selected: $0 == order) },
            pagination: PaginationView(request: page, total: total, path: path, query: ["order": order.rawValue],
                                       parameter: "comments_page"),
            form: form, back: path, signedIn: req.currentUser != nil)
    }
}
