import Fluent
import Platform
import Vapor

/// The page contexts of MembershipWebController.
extension MembershipWebController {
    struct ApplyContext: Encodable {
        let page: PageMeta
        let form: FormState
        let organizations: [ChoiceOption]
        let networks: [ChoiceOption]
        let domains: [ChoiceOption]
    }

    struct ListRow: Encodable {
        let id: String
        let organization: LocalizedText
        let state: String
        let submittedAt: Date?
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let applications: [ListRow]
        let pagination: PaginationView
    }

    struct ChecklistRow: Encodable {
        let code: String
        let satisfied: Bool
    }

    struct ShowContext: Encodable {
        let page: PageMeta
        let application: ApplicationDTO
        let organization: LocalizedText
        let organizationSlug: String
        let network: LocalizedText
        let domains: [String]
        let checklist: [ChecklistRow]
        let canReview: Bool
        let notice: String?
        /// The checklist's form.
        let form: FormState
        /// A form per step, the refused one with its errors.
        let steps: WorkflowStepForms
    }
}
