import Directory
import Platform
import Vapor

/// A proposal's page as a plain reader sees it (anyone who neither wrote the proposal nor organises, moderates,
/// studies it or records support for others: nearly every visitor), kept by the room's cache under everything that
/// page shows: the proposal and its process at their revision, the thread's revision and page, the people's names,
/// the day (phases open and close), the reader's roles, support, following, unread notifications and own comments
/// on the page. Readers in the same state share the page; its form tokens are written anew for each request
/// (``ReusablePage``).
enum ProposalPageCache {
    static func key(_ snapshot: ProposalSnapshot, revisions: ParticipationRevisions, _ req: Request) async throws -> String? {
        let proposal = snapshot.proposal
        guard let id = proposal.id, proposal.state != .draft, !proposal.pendingModeration else { return nil }
        let user = req.currentUser
        if let user {
            if proposal.authorID == user.id || user.may(.moderate) || user.may(.evaluateProposals)
                || user.may(.assistParticipation) { return nil }
            if try await ParticipationPolicy.isOrganizer(user, of: snapshot.process.process, on: req.db) { return nil }
        }
        let order = CommentThread.Order(rawValue: req.query[String.self, at: "order"] ?? "") ?? .oldest
        let (rows, _, thread) = try await CommentThread.cachedPage(
            .proposal, id, order: order, page: try PageQuery(from: req, parameter: "comments_page"), moderator: false,
            revision: .init(subject: revisions.revisions[1], names: revisions.names), req)
        // A page read for this reader alone (their comments waiting for moderation) is not kept.
        guard thread != nil else { return nil }
        var viewer = ["anonymous"]
        if let user {
            viewer = [user.roles.map(\.rawValue).sorted().joined(separator: ","),
                      try await EndorsementService.endorsed(by: user.id, among: [id], on: req.db).isEmpty ? "" : "endorsed",
                      try await FollowService.follows(.proposal, id, userID: user.id, on: req.db) ? "following" : "",
                      String(try await PageMeta.unreadCount(for: req)),
                      rows.flatMap { [$0] + $0.replies }.filter(\.mine).map(\.id.uuidString).joined(separator: ",")]
        }
        return (["proposal-page", req.language.rawValue, req.url.string, String(snapshot.process.revision),
                 String(revisions.names), String(revisions.revisions[1]), ISODate.string(req.now),
                 PageMeta.csrf(for: req).isEmpty ? "" : "session"] + viewer).joined(separator: "\u{1F}")
    }
}
