import Directory
import Platform
import Vapor

/// A project's page: its record, follow-up, and the forms for each step.
struct ProjectPageContext: Encodable {
    /// A funder (as written, in the author's language) and its amount.
    struct FundingLine: Encodable {
        let source: String
        let amount: String
    }

    let page: PageMeta
    let project: ProjectDTO
    let title: LocalizedText
    let summary: LocalizedText
    let socialNeed: LocalizedText
    let organization: LocalizedText
    let wilaya: String
    let domain: String
    let budget: String
    let funding: [FundingLine]
    /// The revenue summed over the reports, written as the reader writes amounts.
    let revenue: String
    /// The period of the latest report, whose levels the page shows, in words (`PeriodText`).
    let latestPeriod: String
    let actions: [String]
    /// A form per step, the refused one with its errors.
    let steps: WorkflowStepForms
    let canReport: Bool
    /// The association corrects its draft.
    let canEdit: Bool
    /// Each report's documents (period, list and form).
    let reportDocuments: [ReportDocuments]
    let canEvaluate: Bool
    let reportForm: FormState
    let difficultyForm: FormState
    let evaluationForm: FormState
    let categories: [ChoiceOption]
    let severities: [ChoiceOption]
    let phases: [ChoiceOption]
    let criteria: [String]
    let scale: [Int]
    let pledges: [PledgeLine]
    let cooperation: [CooperationLine]
    let evaluations: [EvaluationLine]
    let procedure: [ProcedureLine]
    let scoreFields: [ScoreField]
    let jobs: [JobsFieldset]

    /// One criterion's input of the evaluation form, with what was typed and its error.
    struct ScoreField: Encodable {
        let id: String
        let name: String
        let criterion: String
        let value: String
        let error: String?
    }

    struct EvaluationLine: Encodable {
        let phase: String
        let scores: [Int]
        let average: String
        let findings: String
        let recommendations: String
        let evaluator: String
        let date: String
    }

    struct PledgeLine: Encodable {
        let company: String
        let kind: String
        let value: String
        let fulfilment: Double
        let state: String
    }

    struct CooperationLine: Encodable {
        let partner: LocalizedText
        let nature: String
        let description: String
        let since: String
    }

    /// The inputs of one jobs figure (by sex, then by age group), with what was typed and the errors.
    struct JobsFieldset: Encodable {
        struct Input: Encodable {
            let id: String
            let name: String
            let label: String
            let value: String
            let error: String?
        }
        let legend: String
        let inputs: [Input]
    }

    struct ReportDocuments: Encodable {
        let period: String
        let attachments: AttachmentsView
    }
}
