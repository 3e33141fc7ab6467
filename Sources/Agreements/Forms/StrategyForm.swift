import Foundation
import Platform

/// The strategy form (top fields), under the API's names; the years are typed, so they are read here.
struct StrategyForm: Decodable {
    var slug: String?
    var title: Translated?
    var owner: String?
    var startYear: String?
    var endYear: String?

    var input: StrategyInput {
        var input = StrategyInput()
        input.slug = Validate.trimmed(slug)
        input.title = title
        input.owner = Validate.trimmed(owner)
        input.startYear = Self.year(startYear)
        input.endYear = Self.year(endYear)
        return input
    }

    /// A year typed in Latin or Arabic digits; unreadable: 0, which the service refuses with its range.
    static func year(_ text: String?) -> Int? {
        guard let text = Validate.trimmed(text) else { return nil }
        return NumberCheck.parseDecimal(text).flatMap { $0.isFinite && abs($0) < 1e6 ? Int($0) : nil } ?? 0
    }
}

/// The indicator form, under the API's names (`name[ar]`, `targets[2027]`, `disaggregations[]`…).
struct IndicatorForm: Decodable {
    var code: String?
    var name: Translated?
    var unit: Translated?
    var method: Translated?
    var baseline: String?
    var baselineYear: String?
    var direction: String?
    var aggregation: String?
    var disaggregations: [String]?
    var targets: [String: String]?

    var input: IndicatorInput {
        var input = IndicatorInput()
        input.code = code
        input.name = name
        input.unit = unit
        input.method = method
        input.baseline = Validate.trimmed(baseline).map { NumberCheck.parseDecimal($0) ?? .nan }
        input.baselineYear = StrategyForm.year(baselineYear)
        input.direction = direction
        input.aggregation = aggregation
        input.disaggregations = disaggregations ?? []
        input.targets = (targets ?? [:]).compactMapValues { text in
            Validate.trimmed(text).map { NumberCheck.parseDecimal($0) ?? .nan }
        }
        return input
    }
}

/// A new action plan: its year and title.
struct PlanForm: Decodable {
    var year: String?
    var title: Translated?

    var input: ActionPlanInput {
        var input = ActionPlanInput()
        input.year = StrategyForm.year(year)
        input.title = title
        return input
    }
}

/// A new activity of an action plan; its budget typed in currency units.
struct ActivityForm: Decodable {
    var title: Translated?
    var startsOn: String?
    var endsOn: String?
    var state: String?
    /// In currency units, as people write it (the API's `budget_minor` is in minor units).
    var budgetMinor: String?

    var input: ActionPlanInput.ActivityInput {
        var errors: [FieldError] = []
        var input = ActionPlanInput.ActivityInput()
        input.title = title
        input.startsOn = startsOn
        input.endsOn = endsOn
        input.state = state
        input.budgetMinor = Validate.trimmed(budgetMinor) == nil
            ? 0 : FormNumbers.minor(budgetMinor ?? "", field: "budget_minor", into: &errors) ?? -1
        input.currency = "DZD"
        return input
    }
}
