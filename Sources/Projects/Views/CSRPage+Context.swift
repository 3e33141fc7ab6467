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
        let canDeliver: Bool
        /// The problem of the delivery just refused on this pledge.
        let deliveryError: String?
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
