import Directory
import Fluent
import Platform
import Vapor

/// The page contexts of AgreementsWebController.
extension AgreementsWebController {
    struct ListItem: Encodable {
        let id: String
        let slug: String
        let title: LocalizedText
        let kind: String
        let state: String
    }

    struct ListContext: Encodable {
        let page: PageMeta
        let agreements: [ListItem]
        let pagination: PaginationView
        let canAuthor: Bool
    }

    struct CommitmentView: Encodable {
        let id: String
        let owner: LocalizedText
        let description: LocalizedText
        let dueOn: String
        let state: String
        let late: Bool
        let bar: ProgressBar
        let actions: [String]
        /// A form per step of this commitment, the refused one with its errors.
        let steps: WorkflowStepForms
    }

    struct ShowContext: Encodable {
        let page: PageMeta
        let agreement: AgreementDTO
        let title: LocalizedText
        let summary: LocalizedText
        let parties: [LocalizedText]
        let signatories: [String]
        let objectives: [LocalizedText]
        let commitments: [CommitmentView]
        let lateCount: Int
        let canFollowUp: Bool
        let agreementActions: [String]
        /// A form per step of the agreement, the refused one with its errors.
        let agreementSteps: WorkflowStepForms
        let form: FormState
        let today: String
        /// Staff who manage agreements edit it and add commitments.
        let canAuthor: Bool
        let commitmentForm: FormState
        let attachments: AttachmentsView
        let owners: [ChoiceOption]
    }
}
