import Platform
import Vapor

/// A survey as `POST /api/v1/surveys` and the organiser's form give it.
public struct SurveyInput: Content, Sendable {
    public var processID: UUID?
    public var title: String?
    public var description: String?
    /// `ar` (default), `fr` or `en`: the language its texts are written in.
    public var language: String?
    /// `live` or `at_close` (default).
    public var resultsVisibility: String?
    /// Allow answers without an account through a secret link.
    public var anonymousLink: Bool?
    public var opensOn: String?
    public var closesOn: String?
    public var questions: [SurveyQuestionInput]?

    public init() {}
}

/// One question of a ``SurveyInput``.
public struct SurveyQuestionInput: Content, Sendable {
    /// `single_choice`, `multiple_choice`, `scale`, `short_text` or `long_text`.
    public var kind: String?
    public var prompt: String?
    public var required: Bool?
    /// The choices of a choice question (2 to 20).
    public var options: [String]?
    /// The bounds of a scale (default 1 to 5).
    public var scaleMin: Int?
    public var scaleMax: Int?

    public init(kind: String? = nil, prompt: String? = nil, required: Bool? = nil, options: [String]? = nil,
                scaleMin: Int? = nil, scaleMax: Int? = nil) {
        self.kind = kind
        self.prompt = prompt
        self.required = required
        self.options = options
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
    }
}
