import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of DifficultiesWebController.
extension DifficultiesWebController {
    struct BoardLine: Encodable {
        let id: String
        let title: String
        let category: String
        let severity: String
        let state: String
        let project: LocalizedText
        let projectSlug: String
        let wilaya: String
        let age: Int
        let deadline: String?
        let overdue: Bool
    }

    struct BoardContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let categories: [ChoiceOption]
        let states: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let ages: [ChoiceOption]
        let difficulties: [BoardLine]
        let total: Int
        let pagination: PaginationView
    }
}
