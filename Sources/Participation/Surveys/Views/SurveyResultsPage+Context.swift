import Directory
import Platform
import Vapor

/// A survey's results page: each question's counts as a table and a chart, its breakdowns by wilaya and by sex
/// (rows are groups, as captured when people answered; a small count reads "fewer than 10"), written answers a
/// page at a time, and the CSV.
struct SurveyResultsPageContext: Encodable {
    struct Line: Encodable {
        let label: String
        let count: Int
        let percent: Double
    }

    struct Breakdown: Encodable {
        struct Row: Encodable {
            struct Cell: Encodable {
                let label: String
                let count: Int?
            }

            let group: String
            let cells: [Cell]
        }

        let dimension: String
        let columns: [String]
        let rows: [Row]
    }

    struct Question: Encodable {
        let id: String
        let position: Int
        let prompt: String
        let kind: String
        let answered: Int
        let lines: [Line]
        let mean: Double?
        let hasMean: Bool
        let chart: BarChart?
        let breakdowns: [Breakdown]
        let texts: [String]
        let textTotal: Int
    }

    let page: PageMeta
    let surveyPath: String
    let title: String
    let lang: String
    let dir: String
    let state: String
    /// Shown to its organisers before everyone may see them.
    let preview: Bool
    let respondents: Int
    let threshold: Int
    let questions: [Question]
    let hasTexts: Bool
    let pagination: PaginationView
    let csv: String

    static func make(_ survey: Survey, _ req: Request) async throws -> SurveyResultsPageContext {
        let pageQuery = try PageQuery(from: req)
        let results = try await SurveyTally.results(survey, textPage: pageQuery, on: req.db)
        let reference = try await req.referenceData()
        let rtl = req.language.direction == "rtl"
        func group(_ dimension: String, _ code: String) -> String {
            if code == SurveyBreakdown.notStated { return req.t("survey.not_stated") }
            if dimension == "sex" { return req.t("person.sex." + code) }
            return reference.wilaya(code).map { "\($0.code) — \($0.name(in: req.language))" } ?? code
        }
        let questions = results.questions.map { question in
            let options = question.options ?? []
            let lines = options.map { Line(label: $0.label, count: $0.count, percent: $0.percent) }
            let chart = options.isEmpty ? nil : BarChart(
                id: "chart-" + question.id.uuidString, title: question.prompt,
                lines: options.map { ($0.label, $0.count, NumberText.integer($0.count, in: req.language)) }, rtl: rtl,
                separator: req.t("list.separator"), labelLanguage: survey.textLanguage.rawValue)
            let breakdowns = (question.breakdowns ?? []).map { breakdown in
                Breakdown(
                    dimension: breakdown.dimension, columns: options.map(\.label),
                    rows: breakdown.groups.enumerated().map { column, code in
                        Breakdown.Row(group: group(breakdown.dimension, code), cells: breakdown.rows.enumerated().map {
                            Breakdown.Row.Cell(label: options[$0.offset].label, count: $0.element.cells[column].count)
                        })
                    })
            }
            return Question(id: question.id.uuidString, position: question.position, prompt: question.prompt,
                            kind: question.kind, answered: question.answered, lines: lines, mean: question.mean,
                            hasMean: question.mean != nil, chart: chart, breakdowns: breakdowns,
                            texts: question.texts?.items.map(\.text) ?? [],
                            textTotal: question.texts?.page.total ?? 0)
        }
        let textTotal = questions.map(\.textTotal).max() ?? 0
        let path = SurveyPageContext.path(survey, req)
        return SurveyResultsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "survey.results_title", survey.title), surveyPath: path,
            title: survey.title, lang: survey.textLanguage.rawValue, dir: survey.textLanguage.direction,
            state: survey.state.rawValue, preview: !survey.resultsArePublic(on: ISODate.string(req.now)),
            respondents: results.respondents, threshold: SurveySuppression.threshold, questions: questions,
            hasTexts: textTotal > 0,
            pagination: PaginationView(request: pageQuery, total: textTotal, path: req.url.path),
            csv: "/api/v1/surveys/\(results.surveyID.uuidString)/results.csv")
    }
}
