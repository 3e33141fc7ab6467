import Directory
import Platform
import Vapor

/// The organiser's form for a new survey: its fields, then ``SurveyForm/rows`` question rows.
struct SurveyNewPageContext: Encodable {
    struct QuestionRow: Encodable {
        let number: Int
        /// The row as people count (1, 2, …).
        let ordinal: Int
        let kinds: [ChoiceOption]
        let prompt: String
        let options: String
        let required: Bool
        let scaleMin: String
        let scaleMax: String
        let kindError: String?
        let promptError: String?
        let optionsError: String?
        let scaleMinError: String?
        let scaleMaxError: String?
    }

    let page: PageMeta
    let form: FormState
    let processes: [ChoiceOption]
    /// The network's staff may make a survey of the network itself (no process).
    let mayChooseNoProcess: Bool
    let languages: [ChoiceOption]
    let visibilities: [ChoiceOption]
    let anonymousLink: Bool
    let rows: [QuestionRow]

    static func make(_ req: Request, form: FormState, user: CurrentUser) async throws -> SurveyNewPageContext {
        let processes = try await SurveyPolicy.processes(for: user, on: req.db)
        let values = form.values
        let language = values["language"] ?? req.language.rawValue
        return SurveyNewPageContext(
            page: try await PageMeta.make(for: req, titleKey: "survey.new_title"), form: form,
            processes: processes.compactMap { process in
                process.id.map {
                    ChoiceOption(value: $0.uuidString, label: process.title.resolve(in: req.language).text,
                                 selected: values["process_id"] == $0.uuidString)
                }
            },
            mayChooseNoProcess: user.may(.manageProcesses),
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: $0.rawValue == language)
            },
            visibilities: ChoiceOption.cases(
                SurveyResultsVisibility.self, key: "survey.visibility",
                selected: values["results_visibility"] ?? SurveyResultsVisibility.atClose.rawValue, req),
            anonymousLink: values["anonymous_link"] == "1",
            rows: (0..<SurveyForm.rows).map { number in
                let key = "questions_\(number)_"
                return QuestionRow(
                    number: number, ordinal: number + 1,
                    kinds: ChoiceOption.cases(SurveyQuestionKind.self, key: "survey.kind", selected: values[key + "kind"],
                                              req),
                    prompt: values[key + "prompt"] ?? "", options: values[key + "options"] ?? "",
                    required: values[key + "required"] == "1", scaleMin: values[key + "scale_min"] ?? "",
                    scaleMax: values[key + "scale_max"] ?? "",
                    kindError: form.fieldError(key + "kind"), promptError: form.fieldError(key + "prompt"),
                    optionsError: form.fieldError(key + "options"), scaleMinError: form.fieldError(key + "scale_min"),
                    scaleMaxError: form.fieldError(key + "scale_max"))
            })
    }
}
