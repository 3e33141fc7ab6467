import Platform
import Vapor

/// The organiser's form: the survey's fields as texts, and a fixed number of question rows
/// (`questions[<row>][kind|prompt|options|required|scale_min|scale_max]`, options one per line). Rows left empty
/// are not questions; the others become the API's ``SurveyInput``, in their order.
struct SurveyForm: Decodable {
    struct Row: Decodable {
        var kind: String?
        var prompt: String?
        var options: String?
        var required: String?
        var scaleMin: String?
        var scaleMax: String?

        var isEmpty: Bool {
            Validate.trimmed(prompt) == nil && Validate.trimmed(options) == nil
        }
    }

    /// Question rows the form offers.
    static let rows = 8

    var processID: String?
    var title: String?
    var description: String?
    var language: String?
    var resultsVisibility: String?
    var anonymousLink: String?
    var opensOn: String?
    var closesOn: String?
    var questions: [String: Row]?

    /// The rows filled in, by their number on the form.
    var filledRows: [(Int, Row)] {
        (questions ?? [:]).compactMap { key, row in Int(key).map { ($0, row) } }
            .filter { (0..<Self.rows).contains($0.0) && !$0.1.isEmpty }.sorted { $0.0 < $1.0 }
    }

    /// The API's input, and the fields that are not what they must be (an id, a number).
    func input() -> (SurveyInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = SurveyInput()
        input.processID = Validate.id(processID, field: "process_id", into: &errors)
        input.title = title
        input.description = description
        input.language = language
        input.resultsVisibility = resultsVisibility
        input.anonymousLink = anonymousLink == "1"
        input.opensOn = opensOn
        input.closesOn = closesOn
        input.questions = filledRows.map { number, row in
            func bound(_ raw: String?, _ name: String) -> Int? {
                guard let raw = Validate.trimmed(raw) else { return nil }
                return FormNumbers.integer(raw, field: "questions.\(number).\(name)", into: &errors)
            }
            return SurveyQuestionInput(
                kind: row.kind, prompt: row.prompt,
                required: row.required == "1",
                options: (row.options ?? "").split(whereSeparator: \.isNewline).map(String.init),
                scaleMin: bound(row.scaleMin, "scale_min"), scaleMax: bound(row.scaleMax, "scale_max"))
        }
        return (input, errors)
    }

    /// The service's errors on `questions.<i>.…` (the i-th question given) moved to the form's row they came from.
    func onRows(_ errors: [FieldError]) -> [FieldError] {
        let numbers = filledRows.map(\.0)
        return errors.map { error in
            let parts = error.field.split(separator: ".", maxSplits: 2).map(String.init)
            guard parts.count == 3, parts[0] == "questions", let index = Int(parts[1]), numbers.indices.contains(index)
            else { return error }
            return error.renamed("questions.\(numbers[index]).\(parts[2])")
        }
    }
}
