import Directory
import Platform
import Vapor

/// The list of surveys: those open, closed, and (for their organisers) drafts.
struct SurveysPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let title: String
        let lang: String
        let dir: String
        let state: String
        let opensOn: String?
        let closesOn: String?
    }

    let page: PageMeta
    let filter: [String: String]
    let states: [ChoiceOption]
    let surveys: [Line]
    let total: Int
    let pagination: PaginationView
    let canCreate: Bool

    static func make(_ req: Request) async throws -> SurveysPageContext {
        let filter = try await SurveyFilter.from(req)
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await SurveyQuery.page(filter, viewer: req.currentUser, page: pageQuery, on: req.db)
        return SurveysPageContext(
            page: try await PageMeta.make(for: req, titleKey: "survey.list_title"), filter: filter.parameters,
            states: ChoiceOption.cases(SurveyState.self, key: "workflow.survey.state", selected: filter.state?.rawValue,
                                       req),
            surveys: rows.map {
                let language = SiteLanguage(rawValue: $0.language) ?? .default
                return Line(id: $0.id.uuidString, title: $0.title, lang: language.rawValue, dir: language.direction,
                            state: $0.state, opensOn: $0.opensOn, closesOn: $0.closesOn)
            },
            total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: filter.parameters),
            canCreate: SurveyPolicy.mayCreate(req.currentUser))
    }
}
