import Platform

/// The evaluation form, with the API's field names: `phase`, `scores[<criterion>]`, `findings`,
/// `recommendations`.
struct EvaluationForm: InputForm {
    var phase: String?
    var scores: [String: String]?
    var findings: String?
    var recommendations: String?
    var evaluatedOn: String?

    /// The API's input, and the scores that are not numbers.
    func input() -> (EvaluationInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = EvaluationInput()
        input.phase = phase
        input.scores = (scores ?? [:]).reduce(into: [String: Int]()) { scores, entry in
            scores[entry.key] = FormNumbers.integer(entry.value, field: "scores." + entry.key, into: &errors)
        }
        input.findings = findings
        input.recommendations = recommendations
        input.evaluatedOn = evaluatedOn
        return (input, errors)
    }
}
