import Directory
import Fluent
import Platform
import Vapor

public struct EvaluationDTO: Content {
    public let id: UUID
    public let projectID: UUID
    public let phase: String
    public let scores: [String: Int]
    public let average: Double
    public let findings: String
    public let recommendations: String
    public let evaluator: String
    public let evaluatedOn: String

    init(_ evaluation: Evaluation, authors: AuthorNames) throws {
        id = try evaluation.requireID()
        projectID = evaluation.projectID
        phase = evaluation.phase.rawValue
        scores = evaluation.scores
        average = (evaluation.average * 100).rounded() / 100
        findings = evaluation.findings
        recommendations = evaluation.recommendations
        evaluator = authors.name(of: evaluation.evaluatorID, stored: evaluation.evaluatorName)
        evaluatedOn = evaluation.evaluatedOn
    }
}
