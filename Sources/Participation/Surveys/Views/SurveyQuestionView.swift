import Platform
import Vapor

/// One question of an answer form as the template draws it: radio buttons (a single choice, each value of a
/// scale), check boxes (a multiple choice) or a text box, with what was sent and its error, under the element ids
/// of its form (``FormState/idPrefix``). A group's first box carries the question's id, which the error summary
/// links to.
struct SurveyQuestionView: Encodable {
    struct Choice: Encodable {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    let id: String
    let name: String
    let kind: String
    let prompt: String
    /// The language of the survey's texts (the prompt, the options).
    let lang: String
    let dir: String
    let required: Bool
    let choices: [Choice]
    let multiline: Bool
    let value: String
    let maxLength: Int
    let error: String?
    /// For a scale: what its two ends mean.
    let scaleMin: Int?
    let scaleMax: Int?

    /// The field key of a question's answer in a form (`answers_<id>`).
    static func key(_ question: SurveyQuestion) -> String {
        FormState.key("answers." + (question.id?.uuidString ?? ""))
    }

    /// The form with each question's group named, so that an error shows on it even when nothing was ticked.
    static func grouping(_ form: FormState, _ questions: [SurveyQuestion]) -> FormState {
        questions.filter { !$0.kind.isText }.reduce(form) { $0.grouping(key($1)) }
    }

    static func views(_ questions: [SurveyQuestion], form: FormState, language: SiteLanguage) -> [SurveyQuestionView] {
        questions.map { question in
            let key = key(question)
            let id = form.idPrefix + key
            let name = "answers[\(question.id?.uuidString ?? "")]"
            let sent = form.values[key] ?? ""
            let ticked = Set(sent.split(separator: ",").map(String.init))
            let slots: [(String, String)] = switch question.kind {
            case .singleChoice, .multipleChoice: question.options.labels.enumerated().map { ("\($0.offset)", $0.element) }
            case .scale: question.scaleValues.map { ("\($0)", "\($0)") }
            case .shortText, .longText: []
            }
            let choices = slots.enumerated().map { index, slot in
                Choice(id: index == 0 ? id : "\(id)-\(index)", value: slot.0, label: slot.1,
                       checked: ticked.contains(slot.0))
            }
            return SurveyQuestionView(
                id: id, name: question.kind == .multipleChoice ? name + "[]" : name, kind: question.kind.rawValue,
                prompt: question.prompt, lang: language.rawValue, dir: language.direction, required: question.required,
                choices: choices,
                multiline: question.kind == .longText, value: question.kind.isText ? sent : "",
                maxLength: question.kind.maxTextLength, error: form.fieldError(key),
                scaleMin: question.scaleMin, scaleMax: question.scaleMax)
        }
    }
}
