import Fluent
import Platform
import SQLKit
import Vapor

/// Counts a survey's answers in the database: the stored rows alone, with the wilaya and sex copied onto each
/// response when it was given, so that nothing read from profiles can change them.
public enum SurveyTally {
    public static func results(_ survey: Survey, textPage: PageQuery, on db: any Database) async throws
        -> SurveyResults
    {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "surveys need SQL") }
        let surveyID = try survey.requireID()
        let questions = try await SurveyQuestion.query(on: db).filter(\.$surveyID == surveyID).sort(\.$position).all()
        var channels: [String: Int] = [:]
        for row in try await sql.raw("""
            SELECT channel, COUNT(*) AS n FROM survey_responses WHERE survey_id = \(bind: surveyID) GROUP BY channel
            """).all() {
            channels[try row.decode(column: "channel", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        var answered: [UUID: Int] = [:]
        for row in try await sql.raw("""
            SELECT question_id, COUNT(DISTINCT response_id) AS n FROM survey_answers WHERE survey_id = \(bind: surveyID)
            GROUP BY question_id
            """).all() {
            answered[try row.decode(column: "question_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        var cells = Cells()
        for row in try await sql.raw("""
            SELECT a.question_id, a.option_index, a.scale_value, r.wilaya_code, r.sex, COUNT(*) AS n
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.survey_id = \(bind: surveyID) AND a.text IS NULL
            GROUP BY a.question_id, a.option_index, a.scale_value, r.wilaya_code, r.sex
            """).all() {
            let question = try row.decode(column: "question_id", as: UUID.self)
            guard let slot = try row.decode(column: "option_index", as: Int?.self)
                    ?? row.decode(column: "scale_value", as: Int?.self) else { continue }
            cells.add(question: question, slot: slot, wilaya: try row.decode(column: "wilaya_code", as: String?.self),
                      sex: try row.decode(column: "sex", as: String?.self),
                      count: try row.decode(column: "n", as: Int.self))
        }
        var results: [SurveyQuestionResult] = []
        for question in questions {
            let id = try question.requireID()
            let count = answered[id] ?? 0
            if question.kind.isText {
                results.append(SurveyQuestionResult(
                    id: id, position: question.position, kind: question.kind.rawValue, prompt: question.prompt,
                    required: question.required, answered: count, options: nil, mean: nil, breakdowns: nil,
                    texts: try await texts(of: id, page: textPage, total: count, on: sql)))
                continue
            }
            let slots = question.kind == .scale ? question.scaleValues : Array(question.options.labels.indices)
            let lines = slots.map { slot in
                let total = cells.totals[Cells.Key(question: id, slot: slot)] ?? 0
                return SurveyOptionCount(
                    index: question.kind == .scale ? nil : slot, value: question.kind == .scale ? slot : nil,
                    label: question.kind == .scale ? "\(slot)" : question.options.labels[slot], count: total,
                    percent: count == 0 ? 0 : (Double(total) * 1000 / Double(count)).rounded() / 10)
            }
            var mean: Double?
            if question.kind == .scale, count > 0 {
                let sum = lines.reduce(0) { $0 + ($1.value ?? 0) * $1.count }
                mean = (Double(sum) * 100 / Double(count)).rounded() / 100
            }
            let breakdowns = [
                breakdown("wilaya", question: question, id: id, slots: slots, groups: cells.wilayas,
                          cells: cells.byWilaya),
                breakdown("sex", question: question, id: id, slots: slots, groups: cells.sexes, cells: cells.bySex),
            ]
            results.append(SurveyQuestionResult(
                id: id, position: question.position, kind: question.kind.rawValue, prompt: question.prompt,
                required: question.required, answered: count, options: lines, mean: mean, breakdowns: breakdowns,
                texts: nil))
        }
        return SurveyResults(surveyID: surveyID, state: survey.state.rawValue,
                             resultsVisibility: survey.resultsVisibility.rawValue,
                             respondents: channels.values.reduce(0, +), channels: channels,
                             suppressionThreshold: SurveySuppression.threshold, questions: results)
    }

    static func breakdown(_ dimension: String, question: SurveyQuestion, id: UUID, slots: [Int],
                          groups: [UUID: Set<String>], cells: [Cells.Key: [String: Int]]) -> SurveyBreakdown {
        let present = groups[id] ?? []
        let ordered = present.subtracting([SurveyBreakdown.notStated]).sorted()
            + (present.contains(SurveyBreakdown.notStated) ? [SurveyBreakdown.notStated] : [])
        let rows = slots.map { slot in
            let byGroup = cells[Cells.Key(question: id, slot: slot)] ?? [:]
            let counts = ordered.map { byGroup[$0] ?? 0 }
            let hidden = SurveySuppression.withheld(counts)
            return SurveyBreakdown.Row(
                index: question.kind == .scale ? nil : slot, value: question.kind == .scale ? slot : nil,
                total: counts.reduce(0, +),
                cells: ordered.enumerated().map { index, group in
                    SurveyBreakdown.Cell(group: group, count: hidden.contains(index) ? nil : counts[index],
                                         suppressed: hidden.contains(index))
                })
        }
        return SurveyBreakdown(dimension: dimension, groups: ordered, rows: rows)
    }

    static func texts(of questionID: UUID, page: PageQuery, total: Int, on sql: any SQLDatabase) async throws
        -> Paged<SurveyTextAnswer>
    {
        let rows = try await sql.raw("""
            SELECT text FROM survey_answers WHERE question_id = \(bind: questionID) AND text IS NOT NULL
            ORDER BY created_at, id LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """).all()
        let items = try rows.map { SurveyTextAnswer(text: try $0.decode(column: "text", as: String.self)) }
        return Paged(items: items, request: page, total: total)
    }

    /// Counts per question and option (or value), in all, by wilaya and by sex.
    struct Cells {
        struct Key: Hashable {
            let question: UUID
            let slot: Int
        }

        var totals: [Key: Int] = [:]
        var byWilaya: [Key: [String: Int]] = [:]
        var bySex: [Key: [String: Int]] = [:]
        /// The groups seen among each question's answers.
        var wilayas: [UUID: Set<String>] = [:]
        var sexes: [UUID: Set<String>] = [:]

        mutating func add(question: UUID, slot: Int, wilaya: String?, sex: String?, count: Int) {
            let key = Key(question: question, slot: slot)
            let wilaya = wilaya ?? SurveyBreakdown.notStated, sex = sex ?? SurveyBreakdown.notStated
            totals[key, default: 0] += count
            byWilaya[key, default: [:]][wilaya, default: 0] += count
            bySex[key, default: [:]][sex, default: 0] += count
            wilayas[question, default: []].insert(wilaya)
            sexes[question, default: []].insert(sex)
        }
    }
}
