import Fluent
import Platform
import SQLKit
import Vapor

/// The moderators' queue: open reports grouped by subject, posts waiting in pre-moderated processes, and the
/// suspensions in force.
enum ModerationPage {
    struct ReportLine: Encodable {
        let subjectType: String
        let subjectID: String
        let excerpt: String
        let link: String?
        let reasons: [String]
        let count: Int
        let hidden: Bool
        let firstAt: Date
    }

    struct PendingLine: Encodable {
        let subjectType: String
        let subjectID: String
        let excerpt: String
        let link: String?
        let author: String
        let at: Date
    }

    struct SuspensionLine: Encodable {
        let person: String
        let reason: String
        let until: String
    }

    struct Context: Encodable {
        let page: PageMeta
        let reports: [ReportLine]
        let pending: [PendingLine]
        let suspensions: [SuspensionLine]
        let actionForm: FormState
        let suspensionForm: FormState
        let today: String
    }

    static func render(_ req: Request, action: FormState, suspension: FormState) async throws -> Response {
        let user = try req.requireUser()
        try user.require(.moderate)
        let open = try await ModerationReport.query(on: req.db).filter(\.$resolvedAt == nil).sort(\.$createdAt)
            .limit(500).all()
        var grouped: [String: [ModerationReport]] = [:]
        var order: [String] = []
        for report in open {
            let key = report.subjectType.rawValue + ":" + report.subjectID.uuidString
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(report)
        }
        var reports: [ReportLine] = []
        for key in order.prefix(100) {
            guard let first = grouped[key]?.first, let all = grouped[key] else { continue }
            let (excerpt, link, hidden) = try await describe(first.subjectType, first.subjectID, req)
            reports.append(ReportLine(subjectType: first.subjectType.rawValue, subjectID: first.subjectID.uuidString,
                                      excerpt: excerpt, link: link,
                                      reasons: Array(Set(all.map { req.t("participation.report_reason." + $0.reason.rawValue) })).sorted(),
                                      count: all.count, hidden: hidden, firstAt: first.createdAt))
        }
        var pending: [PendingLine] = []
        let proposals = try await Proposal.query(on: req.db).filter(\.$pendingModeration == true)
            .filter(\.$state != .draft).sort(\.$createdAt).limit(50).all()
        let debates = try await Debate.query(on: req.db).filter(\.$pendingModeration == true).sort(\.$createdAt).limit(50).all()
        let comments = try await Comment.query(on: req.db).filter(\.$pendingModeration == true).sort(\.$createdAt).limit(100).all()
        let names = try await req.reader.authorNames(proposals.map(\.authorID) + debates.map(\.authorID)
                                                     + comments.map(\.authorID), on: req.db)
        for proposal in proposals {
            pending.append(PendingLine(subjectType: "proposal", subjectID: try proposal.requireID().uuidString,
                                       excerpt: proposal.title,
                                       link: ParticipationSiteURL.proposals.path(in: req.language) + "/" + (try proposal.requireID()).uuidString,
                                       author: names.name(of: proposal.authorID, stored: ""), at: proposal.createdAt))
        }
        for debate in debates {
            pending.append(PendingLine(subjectType: "debate", subjectID: try debate.requireID().uuidString, excerpt: debate.title,
                                       link: ParticipationSiteURL.debates.path(in: req.language) + "/" + (try debate.requireID()).uuidString,
                                       author: names.name(of: debate.authorID, stored: ""), at: debate.createdAt))
        }
        for comment in comments {
            pending.append(PendingLine(subjectType: "comment", subjectID: try comment.requireID().uuidString,
                                       excerpt: String(comment.body.prefix(300)), link: nil,
                                       author: names.name(of: comment.authorID, stored: ""), at: comment.createdAt))
        }
        let today = ISODate.string(req.now)
        let active = try await Suspension.query(on: req.db).filter(\.$liftedAt == nil).filter(\.$until >= today)
            .sort(\.$until).limit(100).all()
        let suspended = try await req.reader.authorNames(active.map(\.userID), on: req.db)
        return try await req.render("participation/moderation", Context(
            page: try await PageMeta.make(for: req, titleKey: "participation.moderation_title"), reports: reports,
            pending: pending,
            suspensions: active.map { SuspensionLine(person: suspended.name(of: $0.userID, stored: ""), reason: $0.reason,
                                                     until: $0.until) },
            actionForm: action.prefixed("action-"), suspensionForm: suspension.prefixed("suspension-"), today: today))
    }

    /// A reported subject in a line: an excerpt, its page, whether it is hidden already.
    static func describe(_ type: ReportSubject, _ id: UUID, _ req: Request) async throws -> (String, String?, Bool) {
        switch type {
        case .proposal:
            let proposal = try await Proposal.find(id, on: req.db)
            return (proposal?.title ?? "", ParticipationSiteURL.proposals.path(in: req.language) + "/" + id.uuidString,
                    proposal?.hiddenAt != nil)
        case .debate:
            let debate = try await Debate.find(id, on: req.db)
            return (debate?.title ?? "", ParticipationSiteURL.debates.path(in: req.language) + "/" + id.uuidString,
                    debate?.hiddenAt != nil)
        case .comment:
            let comment = try await Comment.find(id, on: req.db)
            return (String((comment?.body ?? "").prefix(300)), nil, comment?.hiddenAt != nil)
        case .user:
            let names = try await req.reader.authorNames([id], on: req.db)
            return (names.name(of: id, stored: ""), nil, false)
        }
    }
}
