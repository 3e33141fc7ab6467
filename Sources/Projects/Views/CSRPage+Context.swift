import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of CSRWebController.
extension CSRWebController {
    struct CompanyLine: Encodable {
        let id: String
        let currency: String
        let company: LocalizedText
        let pledges: Int
        let pledged: String
        let delivered: String
        let fulfilment: Double
        let bar: Int
    }

    struct PledgeRow: Encodable {
        let id: String
        let company: LocalizedText
        let project: LocalizedText?
        let kind: String
        let description: String
        let value: String
        let fulfilment: Double
        let state: String
        let actions: [String]
        /// A form per step of this pledge, the refused one with its errors.
        let steps: WorkflowStepForms
        let canDeliver: Bool
        /// The delivery form: the one just refused on this pledge, with its errors; else empty.
        let delivery: FormState
    }

    struct Context: Encodable {
        let page: PageMeta
        let companies: [CompanyLine]
        let pledges: [PledgeRow]
        let companiesPagination: PaginationView
        let pagination: PaginationView
        let pledgeCompanies: [ChoiceOption]
        let projects: [ChoiceOption]
        let kinds: [ChoiceOption]
        let pledgeForm: FormState
        let today: String
    }
}
