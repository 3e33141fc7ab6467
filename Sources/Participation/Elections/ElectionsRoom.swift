import Fluent
import Platform
import Vapor

/// Participatory-budgeting elections within the Participation room: their pages' addresses and routes. Ballots hold
/// no personal data (no account, no demographics), so there is nothing of a person to export or erase here.
public enum ElectionsRoom {
    public static func configure(_ app: Application) {
        app.siteLinks.register(ElectionsSiteURL.allCases)
        // Made before any request, so that requests only read the application's storage.
        _ = app.ballotWriter
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: ElectionsAPIController())
        try pages.register(collection: ElectionsWebController())
        try app.register(collection: StationsAPIController())
        try pages.register(collection: StationsWebController())
    }
}

/// The pages of elections with fixed addresses (an election's own pages hang below `pb-elections/{id}`).
public enum ElectionsSiteURL: String, CaseIterable, SiteRoute {
    case elections = "pb-elections"
    case newElection = "pb-elections/new"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
