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
        /// `f`, `m` or nil: the labels about the expert agree with it.
        let sex: String?
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
        /// The experts ranked for the request: staff only.
        let showRanking: Bool
        let isExpert: Bool
        let messages: [MessageLine]
        /// Once the expert accepted: how the association and the expert reach each other.
        let contacts: ExpertiseContacts?
        /// The assigned expert's sex, when they gave it (the contact's label agrees with it).
        let expertSex: String?
        /// A form per step, the refused one with its errors.
        let steps: WorkflowStepForms
        let attachments: AttachmentsView
        let history: [WorkflowStepView]
    }

    struct MessageLine: Encodable {
        let kind: String
        let author: String
        let body: String
        let at: Date?
    }
}
