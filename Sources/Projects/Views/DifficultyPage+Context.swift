import Platform
import Vapor

/// One difficulty's page: its procedure so far and the forms for the next steps.
struct DifficultyPageContext: Encodable {
    struct SolutionLine: Encodable {
        let id: String
        let description: String
        let cost: String
        let days: Int
        let proposer: String
        let chosen: Bool
    }

    let page: PageMeta
    let difficulty: DifficultyDTO
    let project: LocalizedText
    let solutions: [SolutionLine]
    let actions: [String]
    let canPropose: Bool
    let canDecide: Bool
    let proposeForm: FormState
    let decideForm: FormState
    /// A form per step (the decision aside), the refused one with its errors.
    let steps: WorkflowStepForms
    let today: String
    let procedure: [ProcedureLine]
    /// Its documents, for the association and staff.
    let attachments: AttachmentsView?

    /// Every step says in writing what it records (the cause, what was done, why it goes up), labelled for it.
    static let stepStyle: WorkflowStepForms.Style = {
        var style = WorkflowStepForms.Style()
        style.reasonRequired = { _ in true }
        style.reasonKey = { "difficulty.step_text." + $0 }
        style.rows = { _ in 2 }
        return style
    }()

    static func make(_ difficulty: Difficulty, forms: DifficultyPageForms, _ req: Request) async throws
        -> DifficultyPageContext
    {
        let dto = try await DifficultyDTO.load(difficulty, on: req.db, reader: req.reader, now: req.now)
        let project = try await Project.find(difficulty.projectID, on: req.db)
        let user = req.currentUser
        let actions = user.map { ProjectWorkflows.difficulty.actions(from: difficulty.state, for: $0).map(\.action) } ?? []
        let currency = project?.currency ?? "DZD"
        let page = try await PageMeta.make(for: req, titleKey: "difficulties.show_title", difficulty.title)
        var attachments: AttachmentsView?
        if let project, try await ProjectsAttachments.mayRead(user, project: project, on: req.db) {
            let id = try difficulty.requireID()
            attachments = .make("difficulty", id, attachments: try await AttachmentStore.list("difficulty", [id], on: req.db),
                                canAttach: true, page: page, req)
        }
        return DifficultyPageContext(
            page: page, difficulty: dto,
            project: LocalizedText(project?.title ?? Translated(), in: req.language),
            solutions: dto.solutions.map {
                SolutionLine(id: $0.id.uuidString, description: $0.description, cost: Choices.money($0.costMinor, currency, req),
                             days: $0.durationDays, proposer: $0.proposer, chosen: $0.chosen)
            },
            actions: actions.filter { $0 != "decide" },
            canPropose: user?.may(.proposeSolutions) == true && [.diagnosed, .escalated].contains(difficulty.state),
            canDecide: actions.contains("decide") && !dto.solutions.isEmpty, proposeForm: forms.propose.prefixed("solution-"),
            decideForm: forms.decide.prefixed("decision-").grouping("solution_id"),
            steps: WorkflowStepForms.make(ProjectWorkflows.difficulty, actions: actions.filter { $0 != "decide" },
                                          url: ProjectsSiteURL.difficulties.path(in: req.language) + "/"
                                              + (try difficulty.requireID()).uuidString + "/transitions",
                                          id: "step", sent: forms.step, style: Self.stepStyle, csrf: page.csrf, req),
            today: ISODate.string(req.now), procedure: ProcedureLine.lines(ProjectWorkflows.difficulty, req),
            attachments: attachments)
    }
}
