import Platform

/// A proposed solution: `description`, `cost_minor` typed in currency units, `duration_days`.
struct SolutionForm: InputForm {
    var description: String?
    var costMinor: String?
    var durationDays: String?

    func input() -> (SolutionInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = SolutionInput()
        input.description = description
        input.costMinor = FormNumbers.minor(costMinor ?? "", field: "cost_minor", into: &errors)
        input.durationDays = FormNumbers.integer(durationDays ?? "", field: "duration_days", into: &errors)
        return (input, errors)
    }
}
