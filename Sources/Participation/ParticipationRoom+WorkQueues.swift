import Fluent
import Platform

extension ParticipationRoom {
    /// What waits in the Participation room: reports and pre-moderated posts for the moderators, proposals past
    /// their threshold without an answer for the organisers, studies not written yet for the evaluators.
    public static let workQueues: [WorkQueue] = [
        WorkQueue(key: "reports_to_moderate", permission: .moderate) { db, limit, _ in
            let query = ModerationReport.query(on: db).filter(\.$resolvedAt == nil)
            let total = try await query.count()
            let rows = try await query.sort(\.$createdAt).limit(limit).all()
            return (rows.map { .init(text: $0.details ?? $0.subjectType.rawValue, link: "moderation", since: $0.createdAt) },
                    total)
        },
        WorkQueue(key: "posts_to_approve", permission: .moderate) { db, limit, _ in
            let query = Comment.query(on: db).filter(\.$pendingModeration == true)
            let proposals = Proposal.query(on: db).filter(\.$pendingModeration == true).filter(\.$state != .draft)
            let total = try await query.count() + proposals.count()
            let rows = try await proposals.sort(\.$createdAt).limit(limit).all()
            let comments = try await query.sort(\.$createdAt).limit(max(0, limit - rows.count)).all()
            return (try rows.map { .init(text: $0.title, link: "proposals/" + (try $0.requireID()).uuidString, since: $0.createdAt) }
                + comments.map { .init(text: String($0.body.prefix(120)), link: "moderation", since: $0.createdAt) }, total)
        },
        WorkQueue(key: "proposals_to_answer", permission: .manageProcesses) { db, limit, _ in
            let query = Proposal.query(on: db).filter(\.$thresholdReachedAt != nil).filter(\.$answerState == nil)
                .filter(\.$state ~~ [.published, .evaluating])
            let total = try await query.count()
            let rows = try await query.sort(\.$thresholdReachedAt).limit(limit).all()
            return (try rows.map {
                .init(text: $0.title, link: "proposals/" + (try $0.requireID()).uuidString, since: $0.thresholdReachedAt)
            }, total)
        },
        WorkQueue(key: "proposals_to_study", permission: .evaluateProposals) { db, limit, _ in
            let query = ProposalEvaluation.query(on: db).filter(\.$notes == nil)
            let total = try await query.count()
            let rows = try await query.sort(\.$assignedAt).limit(limit).all()
            let proposals = try await Proposal.query(on: db).filter(\.$id ~~ rows.map(\.proposalID)).all()
            let titles = Dictionary(uniqueKeysWithValues: try proposals.map { (try $0.requireID(), $0.title) })
            return (rows.map {
                .init(text: titles[$0.proposalID] ?? "", link: "proposals/" + $0.proposalID.uuidString, since: $0.assignedAt)
            }, total)
        },
    ]
}
