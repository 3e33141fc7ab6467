import Fluent
import Platform
import Vapor

/// The page contexts of DirectoryWebController.
extension DirectoryWebController {
    struct Card: Encodable {
        let id: String
        let link: String
        let slug: String
        let kind: String
        let name: LocalizedText
        let summary: LocalizedText
        let wilaya: String?
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let kinds: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
        /// Each organisation's card, rendered from `directory/card` once per language and kept until it changes.
        let cards: [String]
        let total: Int
        let pagination: PaginationView
        let exportLink: String
    }
}
