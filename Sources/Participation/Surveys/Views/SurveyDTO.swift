import Fluent
import Platform
import Vapor

/// A survey as `GET /api/v1/surveys/{id}` gives it. The anonymous link's secret is given to its organisers only.
public struct SurveyDTO: Content, Sendable {
    public struct Question: Content, Sendable {
        public let id: UUID
        public let position: Int
        public let kind: String
        public let prompt: String
        public let required: Bool
        public let options: [String]?
        public let scaleMin: Int?
        public let scaleMax: Int?
    }

    public let id: UUID
    public let processID: UUID?
    public let title: String
    public let description: String
    public let language: String
    public let state: String
    public let resultsVisibility: String
    public let anonymousLink: Bool
    public let opensOn: String?
    public let closesOn: String?
    /// Answers are taken today.
    public let accepting: Bool
    /// The reader may read the results now.
    public let resultsVisible: Bool
    /// Responses so far, when the reader may read the results.
    public let respondents: Int?
    /// When the reader's account answered.
    public let answeredAt: Date?
    /// The reader organises it (may open, close and always read results).
    public let organizer: Bool
    /// For organisers: the secret of the anonymous link, to send as `?token=`.
    public let linkToken: String?
    public let questions: [Question]
    public let openedAt: Date?
    public let closedAt: Date?
    public let createdAt: Date
    public let history: [WorkflowStepView]

    public static func load(_ survey: Survey, viewer: CurrentUser?, on db: any Database, now: Date) async throws
        -> SurveyDTO
    {
        let id = try survey.requireID()
        let questions = try await SurveyQuestion.query(on: db).filter(\.$surveyID == id).sort(\.$position).all()
        let organizer = try await SurveyPolicy.isOrganizer(viewer, of: survey, on: db)
        let visible = try await SurveyResultsAccess.mayRead(survey, viewer: viewer, on: db, now: now)
        let respondents = visible ? try await SurveyResponse.query(on: db).filter(\.$surveyID == id).count() : nil
        return SurveyDTO(
            id: id, processID: survey.processID, title: survey.title, description: survey.details,
            language: survey.language, state: survey.state.rawValue, resultsVisibility: survey.resultsVisibility.rawValue,
            anonymousLink: survey.linkToken != nil, opensOn: survey.opensOn, closesOn: survey.closesOn,
            accepting: survey.isAccepting(on: ISODate.string(now)), resultsVisible: visible, respondents: respondents,
            answeredAt: try await SurveyAnswering.answeredAt(survey, by: viewer?.id, on: db), organizer: organizer,
            linkToken: organizer ? survey.linkToken : nil,
            questions: try questions.map {
                Question(id: try $0.requireID(), position: $0.position, kind: $0.kind.rawValue, prompt: $0.prompt,
                         required: $0.required, options: $0.kind.hasOptions ? $0.options.labels : nil,
                         scaleMin: $0.scaleMin, scaleMax: $0.scaleMax)
            },
            openedAt: survey.openedAt, closedAt: survey.closedAt, createdAt: survey.createdAt,
            history: try await WorkflowStepView.history(workflow: SurveyWorkflow.survey.name, subjectID: id, on: db))
    }
}
