import ArabicText
import Fluent
import Platform
import Vapor

/// The resource library: searched with ``ArabicText`` (every query word must start a stored form of a word of the
/// title or description, so "الجمعيات" finds "جمعية"), filtered by domain and language, newest first.
public enum ResourceQuery {
    public struct Filter: Sendable {
        public var text = ""
        public var domainCode: String?
        public var language: String?

        public init(text: String = "", domainCode: String? = nil, language: String? = nil) {
            (self.text, self.domainCode, self.language) = (text, domainCode, language)
        }

        init(_ req: Request) throws {
            text = try SearchText.read(req)
            domainCode = req.query[String.self, at: "domain"].flatMap(Validate.trimmed)
            language = req.query[String.self, at: "language"].flatMap(Validate.trimmed)
            if let language, SiteLanguage(rawValue: language) == nil {
                throw ValidationFailure([FieldError("language", "validation.invalid_choice")])
            }
        }
    }

    /// The stored search forms: space-separated, with a space before the first and after the last.
    static func searchText(_ title: String, _ description: String) -> String {
        " " + ArabicText.indexTerms(title + " " + description).joined(separator: " ") + " "
    }

    public static func list(_ filter: Filter, page: PageQuery, on db: any Database) async throws
        -> ([LibraryResource], Int)
    {
        let words = ArabicText.searchTerms(filter.text).prefix(8)
        func query() -> QueryBuilder<LibraryResource> {
            var query = LibraryResource.query(on: db)
            for word in words { query = query.filter(\.$searchText, .custom("LIKE"), "% " + word + "%") }
            if let domain = filter.domainCode { query = query.filter(\.$domainCode == domain) }
            if let language = filter.language { query = query.filter(\.$language == language) }
            return query
        }
        let total = try await query().count()
        let items = try await query().sort(\.$createdAt, .descending).range(page.offset..<page.offset + page.size).all()
        return (items, total)
    }
}
