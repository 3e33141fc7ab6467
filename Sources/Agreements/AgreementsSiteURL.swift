import Platform

/// The Agreements room's pages with fixed addresses.
public enum AgreementsSiteURL: String, CaseIterable, SiteRoute {
    case agreements = "agreements"
    case strategies = "strategies"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
