import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of ExpertiseWebController.
extension ExpertiseWebController {
    struct ExpertiseLine: Encodable {
        let id: String
        let subject: String
        let domain: String
        let state: String
        let requestedAt: Date
    }

    struct ExpertiseListContext: Encodable {
        let page: PageMeta
        let requests: [ExpertiseLine]
        let pagination: PaginationView
        let canRequest: Bool
        let organizations: [ChoiceOption]
        let domains: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let languages: [ChoiceOption]
        let form: FormState
    }

    struct MatchLine: Encodable {
        let id: String
        let name: String
        let score: Int
        let reasons: [String]
        let assigned: Bool
    }

    struct ExpertiseContext: Encodable {
        let page: PageMeta
        let request: ExpertiseRequest.View
        let matches: [MatchLine]
        let actions: [String]
        let canAssign: Bool
        let history: [WorkflowStepView]
    }
}
