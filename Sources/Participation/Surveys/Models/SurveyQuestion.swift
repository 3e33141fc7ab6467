import Fluent
import Platform
import Vapor

/// One question of a survey, at its position (1, 2, …).
public final class SurveyQuestion: Model, @unchecked Sendable {
    public static let schema = "survey_questions"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Field(key: "survey_id") public var surveyID: UUID
    @Field(key: "position") public var position: Int
    @Enum(key: "kind") public var kind: SurveyQuestionKind
    @Field(key: "prompt") public var prompt: String
    @Field(key: "required") public var required: Bool
    /// The choices of a choice question, answered by their index (0, 1, …); empty for other kinds.
    @Field(key: "options") public var options: SurveyOptionList
    /// The bounds of a scale question (both included).
    @OptionalField(key: "scale_min") public var scaleMin: Int?
    @OptionalField(key: "scale_max") public var scaleMax: Int?

    public init() {}

    /// The values a scale question offers, in order; empty for other kinds.
    public var scaleValues: [Int] {
        guard kind == .scale, let scaleMin, let scaleMax, scaleMin <= scaleMax else { return [] }
        return Array(scaleMin...scaleMax)
    }
}

/// What a question asks for.
public enum SurveyQuestionKind: String, CaseIterable, Codable, Sendable {
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case scale
    case shortText = "short_text"
    case longText = "long_text"

    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }
    public var isText: Bool { self == .shortText || self == .longText }

    /// The longest text answer.
    public var maxTextLength: Int { self == .longText ? 4000 : 300 }
}

/// A choice question's options, stored as one JSON value (`{"labels": […]}`) so that both databases keep it alike.
public struct SurveyOptionList: Codable, Sendable, Equatable {
    public var labels: [String]

    public init(_ labels: [String] = []) {
        self.labels = labels
    }
}
