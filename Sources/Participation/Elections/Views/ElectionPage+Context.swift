import Directory
import Fluent
import Platform
import Vapor

/// An election's page: rules and window, each budget's projects with the ballot form while voting is open (the
/// voter's current choice ticked), a coordinator's form for a citizen received in person, and for its organisers
/// the draft's projects, the step that schedules it and the exclusion of an infeasible project.
struct ElectionPageContext: Encodable {
    struct Summary: Encodable {
        let id: String
        let title: String
        let description: String
        let lang: String
        let dir: String
        let state: String
        let phase: String
        let rule: String
        let ballotKind: String
        let minProjects: Int
        let maxProjects: Int?
        let budgetsPerVoter: Int?
        let minimumAge: Int?
        let opensAt: Date
        let closesAt: Date
        let process: LocalizedText?
        let processSlug: String?
    }

    struct ProjectLine: Encodable {
        let number: Int
        let title: String
        let description: String
        let cost: String
        let wilaya: String?
        let excludedReason: String?
        let checked: Bool
        /// The numbers of the projects it excludes (at most one of them is funded), or nil.
        let excludes: String?
    }

    struct BudgetBlock: Encodable {
        let id: String
        let position: Int
        let label: String
        let amount: String
        let projects: [ProjectLine]
        /// The voter's ballot in this budget: its projects' numbers and how many times it was cast.
        let voted: Bool
        let version: Int
        let form: FormState
    }

    let page: PageMeta
    let election: Summary
    let path: String
    let budgets: [BudgetBlock]
    let canVote: Bool
    let signInToVote: Bool
    let organizer: Bool
    let draft: Bool
    let mayExclude: Bool
    let addProject: FormState
    /// The draft's form adding a budget, with its wilayas (empty unless the organiser sees the form).
    let addBudget: FormState
    let budgetWilayas: [ChoiceOption]
    let budgetChoices: [ChoiceOption]
    let proposals: [ChoiceOption]
    let wilayaChoices: [ChoiceOption]
    let domainChoices: [ChoiceOption]
    let exclusion: FormState
    let canAssist: Bool
    let assisted: FormState
    let assistedBudget: String?
    let documentKinds: [ChoiceOption]
    let about: SurveyAboutFields
    let steps: WorkflowStepForms
    let resultsVisible: Bool
    let history: [WorkflowStepView]

    static func path(_ election: BudgetElection, _ req: Request) -> String {
        ElectionsSiteURL.elections.path(in: req.language) + "/" + (election.id?.uuidString ?? "")
    }

    /// "Excludes no. 3, 5": the other projects of the budget with the same exclusive group.
    static func excluded(by project: ElectionProject, among projects: [ElectionProject], _ req: Request) -> String? {
        guard let group = project.exclusiveGroup else { return nil }
        let others = projects.filter { $0.exclusiveGroup == group && $0.number != project.number && !$0.isExcluded }
        guard !others.isEmpty else { return nil }
        return req.t("election.excludes", others.map { NumberText.integer($0.number, in: req.language) }
            .joined(separator: req.t("list.separator")))
    }

    static func money(_ amount: Int64, _ req: Request) -> String {
        MoneyText.format(amount * 100, currency: "DZD", in: req.language, catalog: req.application.catalog)
    }

    static func make(_ election: BudgetElection, forms: ElectionPageForms, _ req: Request) async throws
        -> ElectionPageContext
    {
        let id = try election.requireID()
        let user = req.currentUser
        let phase = election.phase(at: req.now)
        let page = try await PageMeta.make(for: req, titleKey: "election.show_title", election.title)
        let contents = try await ElectionQuery.contents(election, on: req.db)
        let organizer = try await ElectionAuthoring.isOrganizer(user, of: election, on: req.db)
        let mine = try await BallotService.mine(election, userID: user?.id, on: req.db)
        let wilayas = Dictionary(try await Wilaya.query(on: req.db).all().map { ($0.id ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        func wilayaName(_ code: String?) -> String? {
            code.flatMap { wilayas[$0] }.map { req.language == .ar ? $0.nameArabic : $0.nameFrench }
        }
        var process: ParticipatoryProcess?
        process = try await ParticipatoryProcess.find(election.processID, on: req.db)
        let path = Self.path(election, req)
        let budgets = try contents.budgets.map { budget in
            let budgetID = try budget.requireID()
            let ballot = mine.first { $0.budgetID == budgetID }
            let sent = forms.ballotBudget == budgetID ? forms.ballot : .empty
            let checked = forms.ballotBudget == budgetID ? Set(forms.ballotProjects) : Set(ballot?.projectNumbers ?? [])
            let projects = contents.projects(of: budget)
            return BudgetBlock(
                id: budgetID.uuidString, position: budget.position,
                label: wilayaName(budget.wilayaCode) ?? req.t("election.national_budget"),
                amount: money(budget.amount, req),
                projects: projects.map { project in
                    ProjectLine(number: project.number, title: project.title, description: project.details,
                                cost: money(project.cost, req), wilaya: wilayaName(project.wilayaCode),
                                excludedReason: project.excludedReason, checked: checked.contains(project.number),
                                excludes: Self.excluded(by: project, among: projects, req))
                },
                voted: ballot != nil, version: ballot?.version ?? 0, form: sent.prefixed("ballot-\(budget.position)-"))
        }
        let actions = user.map { user in
            organizer ? ElectionWorkflow.election.actions(from: election.state, for: user).map(\.action) : []
        } ?? []
        let assistedForm = forms.assisted.prefixed("assisted-")
        return ElectionPageContext(
            page: page,
            election: Summary(
                id: id.uuidString, title: election.title, description: election.details,
                lang: election.textLanguage.rawValue, dir: election.textLanguage.direction, state: election.state.rawValue,
                phase: phase.rawValue, rule: election.rule, ballotKind: election.ballotKind.rawValue,
                minProjects: election.minProjects, maxProjects: election.maxProjects,
                budgetsPerVoter: election.budgetsPerVoter, minimumAge: election.minimumAge, opensAt: election.opensAt,
                closesAt: election.closesAt, process: process.map { LocalizedText($0.title, in: req.language) },
                processSlug: process?.slug),
            path: path, budgets: budgets,
            canVote: phase == .open && user?.may(.participate) == true,
            signInToVote: phase == .open && user == nil,
            organizer: organizer, draft: election.state == .draft,
            mayExclude: organizer && election.talliedAt == nil && phase != .closed,
            addProject: forms.addProject.prefixed("project-"),
            addBudget: forms.addBudget.prefixed("budget-"),
            budgetWilayas: organizer && election.state == .draft
                ? try await Options.wilayas(req, selected: forms.addBudget.values["wilaya_code"]) : [],
            budgetChoices: contents.budgets.map {
                ChoiceOption(value: "\($0.position)", label: wilayaName($0.wilayaCode) ?? req.t("election.national_budget"),
                             selected: forms.addProject.values["budget"] == "\($0.position)")
            },
            proposals: organizer && election.state == .draft ? try await acceptedProposals(election, forms.addProject, req) : [],
            wilayaChoices: try await Options.wilayas(req, selected: forms.addProject.values["wilaya_code"]),
            domainChoices: try await Options.domains(req, selected: Set([forms.addProject.values["domain_code"] ?? ""])),
            exclusion: forms.exclusion.prefixed("exclude-"),
            canAssist: phase == .open && user?.may(.assistParticipation) == true,
            assisted: assistedForm, assistedBudget: contents.budgets.first?.id?.uuidString,
            documentKinds: AssistedInput.documentKinds.map {
                ChoiceOption(value: $0, label: req.t("participation.document." + $0),
                             selected: assistedForm.values["document_kind"] == $0)
            },
            about: try await .make(assistedForm, assisted: true, req),
            steps: WorkflowStepForms.make(ElectionWorkflow.election, actions: actions, url: path + "/transitions",
                                          id: "step", sent: forms.step, csrf: page.csrf, req),
            resultsVisible: phase == .closed,
            history: try await WorkflowStepView.history(workflow: ElectionWorkflow.election.name, subjectID: id,
                                                        on: req.db))
    }
}

extension ElectionPageContext {
    /// The process's accepted proposals not yet on the ballot.
    static func acceptedProposals(_ election: BudgetElection, _ form: FormState, _ req: Request) async throws
        -> [ChoiceOption]
    {
        let taken = Set(try await ElectionProject.query(on: req.db).filter(\.$electionID == election.requireID()).all()
            .compactMap(\.proposalID))
        return try await Proposal.query(on: req.db).filter(\.$processID == election.processID)
            .filter(\.$state == .accepted).sort(\.$createdAt).all()
            .filter { !taken.contains($0.id ?? UUID()) }
            .map { ChoiceOption(value: $0.id?.uuidString ?? "", label: $0.title,
                                selected: form.values["proposal_id"] == $0.id?.uuidString) }
    }
}

/// The forms of an election's page, each with its own state (the refused one only).
struct ElectionPageForms {
    var ballot = FormState.empty
    var ballotBudget: UUID?
    var ballotProjects: [Int] = []
    var assisted = FormState.empty
    var addProject = FormState.empty
    var addBudget = FormState.empty
    var exclusion = FormState.empty
    var step: WorkflowStepForms.Sent?
}
