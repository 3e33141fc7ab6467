import Fluent
import Platform

extension ProjectsRoom {
    /// What waits in the Projects room: projects to review, expertise requests to assign, difficulties to diagnose,
    /// and decisions past their deadline (escalated, or not yet seen by the escalation worker).
    public static let workQueues: [WorkQueue] = [
        WorkQueue(key: "projects_to_review", permission: .reviewProjects) { db, limit, _ in
            let query = Project.query(on: db).filter(\.$state ~~ [.submitted, .underReview])
            let total = try await query.count()
            let rows = try await query.sort(\.$createdAt).limit(limit).all()
            return (rows.map { .init(title: $0.title, link: "projects/" + $0.slug, since: $0.createdAt) }, total)
        },
        WorkQueue(key: "expertise_to_assign", permission: .assignExpertise) { db, limit, _ in
            let query = ExpertiseRequest.query(on: db).filter(\.$state == .open)
            let total = try await query.count()
            let rows = try await query.sort(\.$requestedAt).limit(limit).all()
            return (try rows.map {
                .init(text: $0.subject, link: "expertise/" + (try $0.requireID()).uuidString, since: $0.requestedAt)
            }, total)
        },
        WorkQueue(key: "difficulties_to_diagnose", permission: .diagnoseDifficulties) { db, limit, _ in
            let query = Difficulty.query(on: db).filter(\.$state == .reported)
            let total = try await query.count()
            let rows = try await query.sort(\.$reportedAt).limit(limit).all()
            return (try rows.map {
                .init(text: $0.title, link: "difficulties/" + (try $0.requireID()).uuidString, since: $0.reportedAt)
            }, total)
        },
        WorkQueue(key: "difficulties_overdue", permission: .decideDifficulties) { db, limit, now in
            let query = Difficulty.query(on: db).group(.or) { either in
                either.filter(\.$state == .escalated)
                either.group(.and) {
                    $0.filter(\.$state == .decided).filter(\.$decisionDeadline < ISODate.string(now))
                }
            }
            let total = try await query.count()
            let rows = try await query.sort(\.$decisionDeadline).limit(limit).all()
            return (try rows.map {
                .init(text: $0.title, link: "difficulties/" + (try $0.requireID()).uuidString, since: $0.decidedAt)
            }, total)
        },
    ]
}
