import Fluent
import Platform

extension DirectoryRoom {
    /// What waits in the Directory room: registrations to verify, membership applications to review.
    public static let workQueues: [WorkQueue] = [
        WorkQueue(key: "organizations_to_verify", permission: .manageOrganizations) { db, limit, _ in
            let query = Organization.query(on: db).filter(\.$verification == .pending)
            let total = try await query.count()
            let rows = try await query.sort(\.$createdAt).limit(limit).all()
            return (rows.map { .init(title: $0.name, link: "organizations/" + $0.slug, since: $0.createdAt) }, total)
        },
        WorkQueue(key: "applications_to_review", permission: .reviewMembership) { db, limit, _ in
            let query = MembershipApplication.query(on: db).filter(\.$state ~~ [.submitted, .underReview])
            let total = try await query.count()
            let rows = try await query.sort(\.$createdAt).limit(limit).all()
            let names = try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.organizationID)).all()
            let byID = Dictionary(names.compactMap { org in org.id.map { ($0, org.name) } }, uniquingKeysWith: { a, _ in a })
            return (try rows.map {
                .init(title: byID[$0.organizationID] ?? Translated(), link: "membership/applications/" + (try $0.requireID()).uuidString,
                      since: $0.createdAt)
            }, total)
        },
    ]
}
