import Fluent
import Platform
import Vapor

/// One person's answer to a survey as a whole. Wilaya, sex and age group are copied onto it when it is given, so
/// that results never move when a profile changes or an account is erased.
public final class SurveyResponse: Model, @unchecked Sendable {
    public static let schema = "survey_responses"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Field(key: "survey_id") public var surveyID: UUID
    /// `u:<account id>` or `d:<keyed hash of a document>` (``ParticipantKey``), unique per survey; nil for an
    /// answer through the anonymous link, which nobody can tie to a person.
    @OptionalField(key: "participant_key") public var participantKey: String?
    @OptionalField(key: "user_id") public var userID: UUID?
    /// The coordinator who recorded it for a citizen received in person.
    @OptionalField(key: "assisted_by") public var assistedBy: UUID?
    @Enum(key: "channel") public var channel: SurveyChannel
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "sex") public var sex: String?
    @OptionalField(key: "age_group") public var ageGroup: String?

    public init() {}
}

/// How an answer came in.
public enum SurveyChannel: String, CaseIterable, Codable, Sendable {
    case account, link, assisted
}

/// One question's answer within a response: an option (one row per ticked option of a multiple choice), a value
/// of a scale, or a text.
public final class SurveyAnswer: Model, @unchecked Sendable {
    public static let schema = "survey_answers"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Field(key: "created_at") public var createdAt: Date

    // data fields
    @Field(key: "response_id") public var responseID: UUID
    @Field(key: "survey_id") public var surveyID: UUID
    @Field(key: "question_id") public var questionID: UUID
    @OptionalField(key: "option_index") public var optionIndex: Int?
    @OptionalField(key: "scale_value") public var scaleValue: Int?
    @OptionalField(key: "text") public var text: String?

    public init() {}

    init(responseID: UUID, surveyID: UUID, value: SurveyCheckedAnswer, at now: Date) {
        self.responseID = responseID
        self.surveyID = surveyID
        questionID = value.questionID
        optionIndex = value.optionIndex
        scaleValue = value.scaleValue
        text = value.text
        createdAt = now
    }
}
