import Directory
import Fluent
import Platform
import Vapor

/// The list of polls (of a process, a debate or an assembly when the address says so).
struct PollsPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let title: String
        let lang: String
        let dir: String
        let method: String
        let phase: String
        let opensAt: Date
        let closesAt: Date
    }

    let page: PageMeta
    let polls: [Line]
    let total: Int
    let pagination: PaginationView
    let canCreate: Bool

    static func make(_ req: Request) async throws -> PollsPageContext {
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await PollQuery.list(try await PollQuery.Filter(req), page: pageQuery, on: req.db)
        var query: [String: String] = [:]
        for name in ["process", "debate", "assembly"] { query[name] = req.query[String.self, at: name] ?? "" }
        return PollsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "poll.list_title"),
            polls: try rows.map {
                Line(id: try $0.requireID().uuidString, title: $0.title, lang: $0.textLanguage.rawValue,
                     dir: $0.textLanguage.direction, method: $0.method.rawValue, phase: $0.phase(at: req.now).rawValue,
                     opensAt: $0.opensAt, closesAt: $0.closesAt)
            },
            total: total, pagination: PaginationView(request: pageQuery, total: total, path: req.url.path, query: query),
            canCreate: SurveyPolicy.mayCreate(req.currentUser))
    }
}

/// The organiser's form: for a new poll (its place chosen: a process, or the assembly it came from) or for changes
/// before it opens.
struct PollNewPageContext: Encodable {
    let page: PageMeta
    let form: FormState
    let action: String
    let editing: Bool
    let assembly: String?
    let debate: String?
    let processes: [ChoiceOption]
    let languages: [ChoiceOption]
    let methods: [ChoiceOption]
    let visibilities: [ChoiceOption]
    let abstain: Bool

    static func make(_ req: Request, form: FormState, user: CurrentUser, poll: Poll?) async throws -> PollNewPageContext {
        let processes = poll == nil ? try await SurveyPolicy.processes(for: user, on: req.db) : []
        let assembly = form.values["assembly_id"].flatMap { $0.isEmpty ? nil : $0 }
        let debate = form.values["debate_id"].flatMap { $0.isEmpty ? nil : $0 }
        return PollNewPageContext(
            page: try await PageMeta.make(for: req, titleKey: poll == nil ? "poll.new_title" : "poll.edit_title"),
            form: form,
            action: poll.map { PollPageContext.path($0, req) + "/edit" } ?? PollsSiteURL.polls.path(in: req.language),
            editing: poll != nil, assembly: assembly, debate: debate,
            processes: try processes.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.title, in: req.language).text,
                                    selected: form.values["process_id"] == id)
            },
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: (form.values["language"] ?? req.language.rawValue) == $0.rawValue)
            },
            methods: PollMethod.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("poll.method." + $0.rawValue),
                             selected: (form.values["method"] ?? "plurality") == $0.rawValue)
            },
            visibilities: PollResultsVisibility.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("poll.visibility." + $0.rawValue),
                             selected: (form.values["results_visibility"] ?? "at_close") == $0.rawValue)
            },
            abstain: form.values["allow_abstain"] == "true")
    }
}
