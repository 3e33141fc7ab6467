import Fluent
import SQLKit

/// Surveys and consultations: their questions, each person's response and its answers.
struct CreateSurveys: AsyncMigration {
    var name: String { "participation.002.create-surveys" }

    func prepare(on database: any Database) async throws {
        try await database.schema("surveys")
            .id()
            .field("process_id", .uuid, .references("participatory_processes", "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string, .required)
            .field("state", .string, .required)
            .field("results_visibility", .string, .required)
            .field("link_token", .string)
            .field("opens_on", .string)
            .field("closes_on", .string)
            .field("search_terms", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("opened_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await database.schema("survey_questions")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("prompt", .string, .required)
            .field("required", .bool, .required)
            .field("options", .json, .required)
            .field("scale_min", .int)
            .field("scale_max", .int)
            .unique(on: "survey_id", "position")
            .create()
        try await database.schema("survey_responses")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id", onDelete: .cascade))
            .field("participant_key", .string)
            .field("user_id", .uuid)
            .field("assisted_by", .uuid)
            .field("channel", .string, .required)
            .field("wilaya_code", .string)
            .field("sex", .string)
            .field("age_group", .string)
            .field("created_at", .datetime, .required)
            // One response per person; anonymous answers (no key) are never equal to one another.
            .unique(on: "survey_id", "participant_key")
            .create()
        try await database.schema("survey_answers")
            .id()
            .field("response_id", .uuid, .required, .references("survey_responses", "id", onDelete: .cascade))
            .field("survey_id", .uuid, .required)
            .field("question_id", .uuid, .required)
            .field("option_index", .int)
            .field("scale_value", .int)
            .field("text", .string)
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "surveys_list").on("surveys").column("state").column("created_at").run()
        try await sql.create(index: "surveys_process").on("surveys").column("process_id").run()
        try await sql.create(index: "survey_responses_survey").on("survey_responses").column("survey_id")
            .column("created_at").run()
        try await sql.create(index: "survey_responses_user").on("survey_responses").column("user_id").run()
        try await sql.create(index: "survey_answers_tally").on("survey_answers").column("survey_id").column("question_id")
            .column("option_index").run()
        try await sql.create(index: "survey_answers_texts").on("survey_answers").column("question_id")
            .column("created_at").run()
        try await sql.create(index: "survey_answers_response").on("survey_answers").column("response_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["survey_answers", "survey_responses", "survey_questions", "surveys"] {
            try await database.schema(table).delete()
        }
    }
}
