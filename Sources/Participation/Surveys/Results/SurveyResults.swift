import Platform
import Vapor

/// A survey's results as `GET /api/v1/surveys/{id}/results` gives them: counts per option, each scale's
/// distribution and mean, text answers a page at a time, and breakdowns by wilaya and sex as captured when each
/// person answered, small counts withheld (``SurveySuppression``).
public struct SurveyResults: Content, Sendable {
    public let surveyID: UUID
    public let state: String
    public let resultsVisibility: String
    /// People who answered (each response once).
    public let respondents: Int
    /// Responses by how they came in: `account`, `link`, `assisted`.
    public let channels: [String: Int]
    public let suppressionThreshold: Int
    public let questions: [SurveyQuestionResult]
}

/// One question's results.
public struct SurveyQuestionResult: Content, Sendable {
    public let id: UUID
    public let position: Int
    public let kind: String
    public let prompt: String
    public let required: Bool
    /// People who answered this question.
    public let answered: Int
    /// Choice questions: one line per option; scales: one per value.
    public let options: [SurveyOptionCount]?
    /// Scales: the mean of the values given (nil when nobody answered).
    public let mean: Double?
    public let breakdowns: [SurveyBreakdown]?
    /// Text questions: the answers, a page at a time (oldest first).
    public let texts: Paged<SurveyTextAnswer>?
}

/// How many chose an option (`index`) or a scale value (`value`), and their share of those who answered.
public struct SurveyOptionCount: Content, Sendable {
    public let index: Int?
    public let value: Int?
    public let label: String
    public let count: Int
    /// Percent of the people who answered the question, one decimal (a multiple choice adds up to more than 100).
    public let percent: Double
}

/// One question's counts by wilaya or by sex: a row per option or value, a cell per group (`not_stated` for people
/// who gave none), small counts withheld.
public struct SurveyBreakdown: Content, Sendable {
    public static let notStated = "not_stated"

    public struct Row: Content, Sendable {
        public let index: Int?
        public let value: Int?
        /// The option's total, shown as is.
        public let total: Int
        public let cells: [Cell]
    }

    public struct Cell: Content, Sendable {
        public let group: String
        /// nil (JSON null) when withheld.
        public let count: Int?
        public let suppressed: Bool

        public init(group: String, count: Int?, suppressed: Bool) {
            self.group = group
            self.count = count
            self.suppressed = suppressed
        }

        private enum CodingKeys: String, CodingKey { case group, count, suppressed }

        /// A withheld count is written `null`, not left out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(group, forKey: .group)
            try container.encode(count, forKey: .count)
            try container.encode(suppressed, forKey: .suppressed)
        }
    }

    /// `wilaya` or `sex`.
    public let dimension: String
    /// The groups with at least one person who answered the question, in order.
    public let groups: [String]
    public let rows: [Row]
}

/// A written answer, without anything that could tell who wrote it or when.
public struct SurveyTextAnswer: Content, Sendable {
    public let text: String
}
