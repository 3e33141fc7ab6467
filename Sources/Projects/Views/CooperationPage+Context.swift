import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of CooperationWebController.
extension CooperationWebController {
    struct Line: Encodable {
        let id: String
        let partner: LocalizedText
        let target: LocalizedText
        let targetLink: String
        let nature: String
        let description: String
        let since: String
    }

    struct Context: Encodable {
        let page: PageMeta
        let links: [Line]
        let pagination: PaginationView
        let canLink: Bool
        let partners: [ChoiceOption]
        let projects: [ChoiceOption]
        let agreements: [ChoiceOption]
        let natures: [ChoiceOption]
        let form: FormState
    }
}
