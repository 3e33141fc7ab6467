import Directory
import Platform
import Vapor

/// The forms of a survey's page, each with its own state (the refused one only) and element ids: `answer-…` for
/// the person's answers, `assisted-…` for a coordinator's, `step-<action>-…` for opening and closing.
struct SurveyPageForms {
    var answer = FormState.empty
    var assisted = FormState.empty
    var step: WorkflowStepForms.Sent?
}

/// The wilaya, sex and age group boxes of an answer form (`participation/survey-about`), with what was chosen.
struct SurveyAboutFields: Encodable {
    /// The form's element id prefix.
    let prefix: String
    /// Whom the boxes are about (the person answering, or the citizen a coordinator receives).
    let legend: String
    /// What the boxes are for and who fills them in.
    let hint: String
    /// The choice of giving nothing.
    let unsaid: String
    let form: FormState
    let wilayas: [ChoiceOption]
    let sexes: [ChoiceOption]
    let ageGroups: [ChoiceOption]

    static func make(_ form: FormState, assisted: Bool, _ req: Request) async throws -> SurveyAboutFields {
        let hint = assisted ? "survey.about_you_hint_assisted"
            : (req.currentUser == nil ? "survey.about_you_hint_link" : "survey.about_you_hint_account")
        return SurveyAboutFields(
            prefix: form.idPrefix, legend: req.t(assisted ? "survey.about_citizen" : "survey.about_you"), hint: req.t(hint),
            unsaid: req.t(assisted ? "survey.not_stated" : "survey.not_said"), form: form,
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            sexes: ChoiceOption.cases(PersonSex.self, key: "person.sex", selected: form.values["sex"], req),
            ageGroups: ChoiceOption.cases(AgeGroup.self, key: "participation.age_group", selected: form.values["age_group"], req))
    }
}
