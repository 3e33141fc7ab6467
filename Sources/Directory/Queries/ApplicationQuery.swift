import Fluent
import Platform
import Vapor

/// The membership applications list, the same on `/{lang}/membership/applications` and in
/// `GET /api/v1/membership-applications`: reviewers see every application, anyone else their own.
public enum ApplicationQuery {
    /// `state`, checked (422 on an unknown one).
    static func state(_ request: Request) throws -> ApplicationState? {
        guard let raw = request.query[String.self, at: "state"], !raw.isEmpty else { return nil }
        guard let state = ApplicationState(rawValue: raw) else {
            throw ValidationFailure([FieldError("state", "validation.invalid_choice")])
        }
        return state
    }

    /// One page, newest first.
    static func page(state: ApplicationState?, viewer: CurrentUser, page: PageQuery, on db: any Database) async throws
        -> (applications: [MembershipApplication], total: Int)
    {
        var query = MembershipApplication.query(on: db)
        if !viewer.may(.reviewMembership) { query = query.filter(\.$applicantUserID == viewer.id) }
        if let state { query = query.filter(\.$state == state) }
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(page.range).all()
        return (rows, total)
    }
}
