import Directory
import Fluent
import Platform
import Vapor

/// A survey's page: what it asks, the answer form (or the thanks once answered), a coordinator's form for a
/// citizen received in person, and for its organisers the anonymous link and the steps to open and close it.
struct SurveyPageContext: Encodable {
    struct Summary: Encodable {
        let id: String
        let title: String
        let description: String
        let lang: String
        let dir: String
        let state: String
        let opensOn: String?
        let closesOn: String?
        let resultsVisibility: String
        let process: LocalizedText?
        let processSlug: String?
    }

    let page: PageMeta
    let survey: Summary
    let path: String
    let accepting: Bool
    /// Why no answer is taken, when none is (`survey.not_accepting.<reason>`).
    let closedReason: String?
    let canAnswer: Bool
    let signInToAnswer: Bool
    let answeredAt: Date?
    let thanks: Bool
    let token: String?
    let questions: [SurveyQuestionView]
    let answerForm: FormState
    let answerAbout: SurveyAboutFields
    let canAssist: Bool
    let assistedRecorded: Bool
    let assistedQuestions: [SurveyQuestionView]
    let assistedForm: FormState
    let assistedAbout: SurveyAboutFields
    let documentKinds: [ChoiceOption]
    let organizer: Bool
    let link: String?
    let steps: WorkflowStepForms
    let resultsVisible: Bool
    let history: [WorkflowStepView]

    static func path(_ survey: Survey, _ req: Request) -> String {
        SurveysSiteURL.surveys.path(in: req.language) + "/" + (survey.id?.uuidString ?? "")
    }

    static func make(_ survey: Survey, forms: SurveyPageForms, _ req: Request) async throws -> SurveyPageContext {
        let id = try survey.requireID()
        let user = req.currentUser
        let today = ISODate.string(req.now)
        // In the address of the link's page, in the form's hidden field once posted.
        let token = Validate.trimmed(req.query[String.self, at: "token"]
            ?? (try? req.content.get(String.self, at: "token")))
        let linkValid = user == nil && SurveyAnswering.isLink(token, of: survey)
        let page = try await PageMeta.make(for: req, titleKey: "survey.show_title", startsSession: linkValid, survey.title)
        let questions = try await SurveyQuestion.query(on: req.db).filter(\.$surveyID == id).sort(\.$position).all()
        let organizer = try await SurveyPolicy.isOrganizer(user, of: survey, on: req.db)
        let answeredAt = try await SurveyAnswering.answeredAt(survey, by: user?.id, on: req.db)
        let accepting = survey.isAccepting(on: today)
        let thanks = req.query[String.self, at: "answered"] == "1"
        let path = Self.path(survey, req)
        var process: ParticipatoryProcess?
        if let processID = survey.processID { process = try await ParticipatoryProcess.find(processID, on: req.db) }
        let answerForm = SurveyQuestionView.grouping(forms.answer.prefixed("answer-"), questions)
        let assistedForm = SurveyQuestionView.grouping(forms.assisted.prefixed("assisted-"), questions)
        let actions = user.map { user in
            organizer ? SurveyWorkflow.survey.actions(from: survey.state, for: user).map(\.action) : []
        } ?? []
        return SurveyPageContext(
            page: page,
            survey: Summary(id: id.uuidString, title: survey.title, description: survey.details,
                            lang: survey.textLanguage.rawValue, dir: survey.textLanguage.direction,
                            state: survey.state.rawValue, opensOn: survey.opensOn, closesOn: survey.closesOn,
                            resultsVisibility: survey.resultsVisibility.rawValue,
                            process: process.map { LocalizedText($0.title, in: req.language) }, processSlug: process?.slug),
            path: path, accepting: accepting, closedReason: accepting ? nil : closedReason(survey, today: today),
            canAnswer: accepting && !thanks && answeredAt == nil
                && (user?.may(.participate) == true || linkValid),
            signInToAnswer: accepting && user == nil && !linkValid && !thanks,
            answeredAt: answeredAt, thanks: thanks, token: linkValid ? token : nil,
            questions: SurveyQuestionView.views(questions, form: answerForm, language: survey.textLanguage),
            answerForm: answerForm,
            answerAbout: try await .make(answerForm, assisted: false, req),
            canAssist: accepting && user?.may(.assistParticipation) == true,
            assistedRecorded: req.query[String.self, at: "assisted"] == "1",
            assistedQuestions: SurveyQuestionView.views(questions, form: assistedForm,
                                                           language: survey.textLanguage), assistedForm: assistedForm,
            assistedAbout: try await .make(assistedForm, assisted: true, req),
            documentKinds: AssistedInput.documentKinds.map {
                ChoiceOption(value: $0, label: req.t("participation.document." + $0),
                             selected: assistedForm.values["document_kind"] == $0)
            },
            organizer: organizer,
            // The link is of use while answers can still come in.
            link: organizer && survey.state != .closed
                ? survey.linkToken.map { req.messaging.baseURL + path + "?token=" + $0 } : nil,
            steps: WorkflowStepForms.make(SurveyWorkflow.survey, actions: actions, url: path + "/transitions", id: "step",
                                          sent: forms.step, csrf: page.csrf, req),
            resultsVisible: try await SurveyResultsAccess.mayRead(survey, viewer: user, on: req.db, now: req.now),
            history: try await WorkflowStepView.history(workflow: SurveyWorkflow.survey.name, subjectID: id, on: req.db))
    }

    static func closedReason(_ survey: Survey, today: String) -> String {
        switch survey.state {
        case .draft: "draft"
        case .closed: "closed"
        case .open: survey.opensOn.map { today < $0 } == true ? "not_yet" : "over"
        }
    }
}
