import Platform

/// The Directory room's pages with fixed addresses.
public enum DirectorySiteURL: String, CaseIterable, SiteRoute {
    case organizations = "organizations"
    case registerOrganization = "organizations/new"
    case myOrganizations = "account/organizations"
    case invitation = "invitations/accept"
    case representationRequests = "representation-requests"
    case experts = "experts"
    case people = "people"
    case memberships = "memberships"
    case membershipApply = "membership/apply"
    case membershipApplications = "membership/applications"
    case myProfile = "account/profile"
    case myData = "account/data"
    case eraseAccount = "account/erase"
    case importOrganizations = "admin/organizations/import"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
