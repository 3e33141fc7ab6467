import Fluent
import Platform
import Vapor

/// The lists of requests and invitations to represent organisations, for pages and the API alike.
public enum RepresentationQuery {
    /// An organisation's requests and invitations, newest first: those waiting (`open`) or all of them. Only the
    /// organisation's representatives and staff read them.
    public static func forOrganization(_ organization: Organization, openOnly: Bool, viewer: CurrentUser,
                                       page: PageQuery, on db: any Database) async throws
        -> (rows: [RepresentationRequest], total: Int)
    {
        try await OrganizationPolicy.requireActing(for: organization, viewer, on: db)
        let query = RepresentationRequest.query(on: db).filter(\.$organizationID == (try organization.requireID()))
        if openOnly { query.filter(\.$state ~~ [.pending, .invited]) }
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.range).all()
        return (rows, total)
    }

    /// A person's own requests and the invitations they accepted or refused, newest first.
    public static func mine(_ viewer: CurrentUser, page: PageQuery, on db: any Database) async throws
        -> (rows: [RepresentationRequest], total: Int)
    {
        let query = RepresentationRequest.query(on: db).filter(\.$userID == viewer.id)
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(page.range).all()
        return (rows, total)
    }

    /// The open request a person made to an organisation, if any.
    public static func openRequest(of viewer: CurrentUser, to organizationID: UUID, on db: any Database) async throws
        -> RepresentationRequest?
    {
        try await RepresentationRequest.query(on: db).filter(\.$organizationID == organizationID)
            .filter(\.$userID == viewer.id).filter(\.$state == .pending).first()
    }
}
