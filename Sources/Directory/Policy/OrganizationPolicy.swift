import Fluent
import Platform
import Vapor

/// Who sees an organisation and who acts for it.
public enum OrganizationPolicy {
    /// A verified organisation is public; one waiting for verification (or refused) is seen only by its
    /// representatives and the staff who verify organisations, and is "not found" to anyone else.
    public static func maySee(_ organization: Organization, viewer: CurrentUser?, on db: any Database) async throws
        -> Bool
    {
        if organization.verification == .verified { return true }
        guard let viewer else { return false }
        if viewer.may(.manageOrganizations) { return true }
        return try await Representation.represents(userID: viewer.id, organizationID: organization.requireID(), on: db)
    }

    public static func requireVisible(_ organization: Organization, viewer: CurrentUser?, on db: any Database)
        async throws
    {
        guard try await maySee(organization, viewer: viewer, on: db) else { throw DirectoryError.organizationNotFound }
    }

    /// Acting for an organisation (its profile, its representatives, who joins them): its own representatives,
    /// and the staff who manage organisations.
    public static func mayAct(for organization: Organization, _ user: CurrentUser, on db: any Database) async throws
        -> Bool
    {
        if user.may(.manageOrganizations) { return true }
        guard user.may(.representOrganizations) else { return false }
        return try await Representation.represents(userID: user.id, organizationID: organization.requireID(), on: db)
    }

    public static func requireActing(for organization: Organization, _ user: CurrentUser, on db: any Database)
        async throws
    {
        guard try await mayAct(for: organization, user, on: db) else { throw DirectoryError.notActingForOrganization }
    }

    /// An organisation acts in the network (applies, files projects, asks for expertise) once verified.
    public static func requireVerified(_ organization: Organization) throws {
        guard organization.verification == .verified else { throw DirectoryError.organizationNotVerified }
    }
}
