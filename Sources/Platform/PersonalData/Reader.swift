import Fluent
import Vapor

/// Who reads a page or an API answer: the language (and catalog) names and labels are given in.
public struct Reader: Sendable {
    public let language: SiteLanguage
    public let catalog: Catalog

    public init(language: SiteLanguage, catalog: Catalog) {
        self.language = language
        self.catalog = catalog
    }

    public func authorNames(_ ids: some Sequence<UUID?>, on db: any Database) async throws -> AuthorNames {
        try await AuthorNames.load(ids, on: db, catalog: catalog, language: language)
    }
}
