import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of ProjectsWebController.
extension ProjectsWebController {
    struct ComparedLine: Encodable {
        let id: String
        let slug: String
        let title: LocalizedText
        let phase: String
        let scores: [Int]
        let average: String
        let date: String
    }

    struct EvaluationsContext: Encodable {
        let page: PageMeta
        let phases: [ChoiceOption]
        let criteria: [String]
        let lines: [ComparedLine]
        let total: Int
        let pagination: PaginationView
    }

    struct Card: Encodable {
        let id: String
        let slug: String
        let title: LocalizedText
        let state: String
        let wilaya: String
        let domain: String
        let budget: String
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let states: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
        let projects: [Card]
        let total: Int
        let pagination: PaginationView
        let canCreate: Bool
    }

    struct NewContext: Encodable {
        let page: PageMeta
        let form: FormState
        let action: String
        /// A draft being corrected (its association cannot change).
        let editing: Bool
        let organizations: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
    }
}
