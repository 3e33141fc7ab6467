import Platform

/// A CSR pledge: `company_id`, `project_id` (none: to the network), `kind`, `description`, `value_minor`
/// typed in currency units.
struct PledgeForm: InputForm {
    var companyID: String?
    var projectID: String?
    var kind: String?
    var description: String?
    var valueMinor: String?

    func input() -> (PledgeInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = PledgeInput()
        input.companyID = FormText.id(companyID)
        input.projectID = FormText.id(projectID)
        input.kind = kind
        input.description = description
        input.valueMinor = FormNumbers.minor(valueMinor ?? "", field: "value_minor", into: &errors)
        return (input, errors)
    }
}
