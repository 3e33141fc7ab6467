import Platform

/// The Participation room's pages with fixed addresses.
public enum ParticipationSiteURL: String, CaseIterable, SiteRoute {
    case processes = "processes"
    case newProcess = "processes/new"
    case proposals = "proposals"
    case debates = "debates"
    case comments = "comments"
    case reports = "reports"
    case moderation = "moderation"
    case unsubscribe = "unsubscribe"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
