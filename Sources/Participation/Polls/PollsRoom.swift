import Fluent
import Platform
import Vapor

/// Polls and assemblies of member associations within the Participation room: their addresses and routes.
/// A participant's vote holds no personal data (a keyed hash); an assembly's votes are the organisations'.
public enum PollsRoom {
    public static func configure(_ app: Application) {
        app.siteLinks.register(PollsSiteURL.allCases)
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: PollsAPIController())
        try pages.register(collection: PollsWebController())
        try pages.register(collection: AssembliesWebController())
    }
}

/// The pages of polls and assemblies with fixed addresses (one's own pages hang below `polls/{id}`,
/// `assemblies/{id}`).
public enum PollsSiteURL: String, CaseIterable, SiteRoute {
    case polls = "polls"
    case newPoll = "polls/new"
    case assemblies = "assemblies"
    case newAssembly = "assemblies/new"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
