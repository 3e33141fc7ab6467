import Fluent

/// Evaluations keep the sum of their six scores, so that the comparison list sorts by average in the database.
struct AddEvaluationScoreTotal: AsyncMigration {
    var name: String { "projects.005.add-evaluation-score-total" }

    func prepare(on database: any Database) async throws {
        try await database.schema("project_evaluations").field("score_total", .int).update()
        for evaluation in try await Evaluation.query(on: database).all() {
            evaluation.score(evaluation.scores)
            try await evaluation.update(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_evaluations").deleteField("score_total").update()
    }
}
