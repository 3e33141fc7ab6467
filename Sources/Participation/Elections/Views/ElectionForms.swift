import Directory
import Platform
import Vapor

/// The organiser's form for a new election: its fields as texts and one budget's amount; the API's
/// ``ElectionInput`` once read, with the fields that are not numbers or ids.
struct ElectionForm: Decodable, InputForm {
    var processID: String?
    var title: String?
    var description: String?
    var language: String?
    var rule: String?
    var ballotKind: String?
    var budget: String?
    var minProjects: String?
    var maxProjects: String?
    var budgetsPerVoter: String?
    var minimumAge: String?
    var opensAt: String?
    var closesAt: String?

    func input() -> (ElectionInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = ElectionInput()
        input.processID = Validate.id(processID, field: "process_id", into: &errors)
        input.title = title
        input.description = description
        input.language = language
        input.rule = rule
        input.ballotKind = ballotKind
        input.opensAt = opensAt
        input.closesAt = closesAt
        if let raw = Validate.trimmed(budget) {
            input.budget = FormNumbers.integer(raw, field: "budget", into: &errors).map(Int64.init)
        }
        input.minProjects = Validate.trimmed(minProjects).flatMap { FormNumbers.integer($0, field: "min_projects", into: &errors) }
        input.maxProjects = Validate.trimmed(maxProjects).flatMap { FormNumbers.integer($0, field: "max_projects", into: &errors) }
        input.budgetsPerVoter = Validate.trimmed(budgetsPerVoter)
            .flatMap { FormNumbers.integer($0, field: "budgets_per_voter", into: &errors) }
        input.minimumAge = Validate.trimmed(minimumAge).flatMap { FormNumbers.integer($0, field: "minimum_age", into: &errors) }
        return (input, errors)
    }
}

/// A budget added on the draft's page: national (no wilaya) or of a wilaya.
struct BudgetForm: Decodable, InputForm {
    var wilayaCode: String?
    var amount: String?

    func input() -> (BudgetInput, [FieldError]) {
        var errors: [FieldError] = []
        let amount = Validate.trimmed(amount).flatMap { FormNumbers.integer($0, field: "amount", into: &errors) }
        return (BudgetInput(wilayaCode: wilayaCode, amount: amount.map(Int64.init)), errors)
    }
}

/// A project added on the draft's page.
struct ElectionProjectForm: Decodable, InputForm {
    var budget: String?
    var proposalID: String?
    var title: String?
    var description: String?
    var cost: String?
    var wilayaCode: String?
    var domainCode: String?
    var exclusiveGroup: String?

    func input() -> (ElectionProjectInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = ElectionProjectInput(title: title, budget: Validate.trimmed(budget).flatMap(Int.init))
        input.description = description
        input.wilayaCode = wilayaCode
        input.domainCode = domainCode
        input.exclusiveGroup = exclusiveGroup
        input.proposalID = Validate.id(proposalID, field: "proposal_id", into: &errors)
        if let raw = Validate.trimmed(cost) { input.cost = FormNumbers.integer(raw, field: "cost", into: &errors).map(Int64.init) }
        return (input, errors)
    }
}

/// The list of elections, and the organiser's form for a new one.
struct ElectionsPageContext: Encodable {
    struct Line: Encodable {
        let id: String
        let title: String
        let lang: String
        let dir: String
        let phase: String
        let opensAt: Date
        let closesAt: Date
    }

    let page: PageMeta
    let elections: [Line]
    let total: Int
    let pagination: PaginationView
    let canCreate: Bool

    static func make(_ req: Request) async throws -> ElectionsPageContext {
        let pageQuery = try PageQuery(from: req)
        let process = try await ElectionQuery.processFilter(req)
        let (rows, total) = try await ElectionQuery.list(processID: process, viewer: req.currentUser, page: pageQuery,
                                                         on: req.db)
        return ElectionsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "election.list_title"),
            elections: try rows.map {
                Line(id: try $0.requireID().uuidString, title: $0.title, lang: $0.textLanguage.rawValue,
                     dir: $0.textLanguage.direction, phase: $0.phase(at: req.now).rawValue, opensAt: $0.opensAt,
                     closesAt: $0.closesAt)
            },
            total: total,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path,
                                       query: ["process": req.query[String.self, at: "process"] ?? ""]),
            canCreate: SurveyPolicy.mayCreate(req.currentUser))
    }
}

struct ElectionNewPageContext: Encodable {
    let page: PageMeta
    let form: FormState
    let processes: [ChoiceOption]
    let languages: [ChoiceOption]
    let rules: [ChoiceOption]
    let ballotKinds: [ChoiceOption]

    static func make(_ req: Request, form: FormState, user: CurrentUser) async throws -> ElectionNewPageContext {
        let processes = try await SurveyPolicy.processes(for: user, on: req.db)
        return ElectionNewPageContext(
            page: try await PageMeta.make(for: req, titleKey: "election.new_title"), form: form,
            processes: try processes.map {
                let id = try $0.requireID().uuidString
                return ChoiceOption(value: id, label: LocalizedText($0.title, in: req.language).text,
                                    selected: form.values["process_id"] == id)
            },
            languages: SiteLanguage.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("person.language." + $0.rawValue),
                             selected: (form.values["language"] ?? req.language.rawValue) == $0.rawValue)
            },
            rules: ["mes-add1", "mes-add1-greedy", "mes", "greedy"].map {
                ChoiceOption(value: $0, label: req.t("election.rule." + $0), selected: (form.values["rule"] ?? "mes-add1") == $0)
            },
            ballotKinds: BallotKind.allCases.map {
                ChoiceOption(value: $0.rawValue, label: req.t("election.ballot_kind." + $0.rawValue),
                             selected: (form.values["ballot_kind"] ?? "within_budget") == $0.rawValue)
            })
    }
}
