import Directory
import Foundation
import Platform

struct StrategyFormContext: Encodable {
    let page: PageMeta
    let form: FormState
    let action: String
    let owners: [ChoiceOption]
    let editing: Bool
}

struct StructureContext: Encodable {
    struct IndicatorLink: Encodable {
        let id: String
        let code: String
        let name: LocalizedText
    }
    struct Objective: Encodable {
        let id: String
        let code: String
        let title: LocalizedText
        let indicators: [IndicatorLink]
    }
    struct Axis: Encodable {
        let id: String
        let code: String
        let title: LocalizedText
        let objectives: [Objective]
    }
    let page: PageMeta
    let slug: String
    let title: LocalizedText
    let axes: [Axis]
    let form: FormState
    struct ActivityLine: Encodable {
        let title: LocalizedText
        let state: String
        let budget: String
    }
    struct Plan: Encodable {
        let id: String
        let year: Int
        let title: LocalizedText
        let activities: [ActivityLine]
    }
    /// "axis" for the new-axis form, an axis id for its new-objective form, "plan" for a new plan, a plan's id for
    /// its new-activity form.
    let target: String?
    let plans: [Plan]
    let years: [Int]
    let states: [ChoiceOption]
    let history: [WorkflowStepView]
}

struct IndicatorFormContext: Encodable {
    struct Target: Encodable {
        let year: Int
        let value: String
    }
    let page: PageMeta
    let form: FormState
    let action: String
    let back: String
    let objective: LocalizedText
    let targets: [Target]
    let directions: [ChoiceOption]
    let aggregations: [ChoiceOption]
    let disaggregations: [ChoiceOption]
}
