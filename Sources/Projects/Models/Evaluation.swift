import Fluent
import Platform
import Vapor

/// An evaluation against the OECD-DAC criteria, scored on the published scale ``EvaluationScale``.
public final class Evaluation: Model, @unchecked Sendable {
    public static let schema = "project_evaluations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Enum(key: "phase") public var phase: EvaluationPhase
    @Field(key: "scores") public var scores: [String: Int]
    /// The sum of the six scores, kept so that lists sort by the average in the database.
    @OptionalField(key: "score_total") public var scoreTotal: Int?
    @Field(key: "findings") public var findings: String
    @Field(key: "recommendations") public var recommendations: String
    @OptionalField(key: "evaluator_id") public var evaluatorID: UUID?
    @Field(key: "evaluator_name") public var evaluatorName: String
    @Field(key: "evaluated_on") public var evaluatedOn: String

    public init() {}

    /// Sets the scores and their total.
    public func score(_ scores: [String: Int]) {
        self.scores = scores
        scoreTotal = DACCriterion.allCases.compactMap { scores[$0.rawValue] }.reduce(0, +)
    }

    /// The mean score over the six criteria.
    public var average: Double {
        let values = DACCriterion.allCases.compactMap { scores[$0.rawValue] }
        return values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    }
}
