import Platform
import Vapor

/// A response as `POST /api/v1/surveys/{id}/answers` and the survey's form give it: each question's answer keyed
/// by the question's id, and the wilaya, sex and age group the person chooses to give (an account's profile fills
/// in those left out).
public struct SurveyAnswerInput: Content, Sendable {
    public var answers: [String: SurveyAnswerValue]?
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init(answers: [String: SurveyAnswerValue]? = nil, wilayaCode: String? = nil, sex: String? = nil,
                ageGroup: String? = nil) {
        self.answers = answers
        self.wilayaCode = wilayaCode
        self.sex = sex
        self.ageGroup = ageGroup
    }

    public var demographics: Demographics {
        Demographics(wilayaCode: wilayaCode, sex: sex, ageGroup: ageGroup)
    }
}

/// A response a coordinator records for a citizen received in person: the identity document checked (its kind and
/// number, ``AssistedInput``) and the citizen's demographics, beside the answers.
public struct SurveyAssistedInput: Content, Sendable {
    public var documentKind: String?
    public var documentNumber: String?
    public var answers: [String: SurveyAnswerValue]?
    public var wilayaCode: String?
    public var sex: String?
    public var ageGroup: String?

    public init() {}

    public var assisted: AssistedInput {
        AssistedInput(documentKind: documentKind, documentNumber: documentNumber,
                      demographics: Demographics(wilayaCode: wilayaCode, sex: sex, ageGroup: ageGroup))
    }
}

/// One question's answer as sent: a number or a text (an option's index, a scale's value, a written answer), or a
/// list of them (the ticked options). A page form sends texts only; anything else a client sends is kept as
/// ``invalid`` and refused by the check with a field error, never a decoding failure.
public enum SurveyAnswerValue: Codable, Sendable, Equatable {
    case number(Int)
    case text(String)
    case list([String])
    case empty
    case invalid

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .empty }
        else if let number = try? container.decode(Int.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else if let numbers = try? container.decode([Int].self) { self = .list(numbers.map(String.init)) }
        else if let texts = try? container.decode([String].self) { self = .list(texts) }
        else { self = .invalid }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .empty, .invalid: try container.encodeNil()
        }
    }

    /// The texts sent, trimmed, without empty ones.
    var parts: [String]? {
        switch self {
        case .number(let number): ["\(number)"]
        case .text(let text): Validate.trimmed(text).map { [$0] } ?? []
        case .list(let list): list.compactMap(Validate.trimmed)
        case .empty: []
        case .invalid: nil
        }
    }
}
