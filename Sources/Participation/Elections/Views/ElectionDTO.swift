import Fluent
import Platform
import Vapor

/// An election as `GET /api/v1/pb-elections/{id}` gives it: rules, window, budgets with their projects, and the
/// reader's own ballots. While voting is open nothing of the count is given, not even how many have voted.
public struct ElectionDTO: Content, Sendable {
    public struct Project: Content, Sendable {
        public let number: Int
        public let title: String
        public let description: String
        public let cost: Int64
        public let wilayaCode: String?
        public let domainCode: String?
        /// Projects of the budget with the same label exclude each other.
        public let exclusiveGroup: String?
        public let proposalID: UUID?
        public let projectID: UUID?
        public let excludedReason: String?
    }

    public struct Budget: Content, Sendable {
        public let id: UUID
        public let position: Int
        public let wilayaCode: String?
        public let amount: Int64
        public let projects: [Project]
    }

    public struct MyBallot: Content, Sendable {
        public let budgetID: UUID
        public let projects: [Int]
        public let version: Int
    }

    public let id: UUID
    public let processID: UUID
    public let title: String
    public let description: String
    public let language: String
    public let rule: String
    public let ballotKind: String
    public let minProjects: Int
    public let maxProjects: Int?
    public let budgetsPerVoter: Int?
    public let minimumAge: Int?
    public let opensAt: Date
    public let closesAt: Date
    public let state: String
    /// `draft`, `upcoming`, `open` or `closed`, by the clock.
    public let phase: String
    public let organizer: Bool
    public let budgets: [Budget]
    public let myBallots: [MyBallot]
    public let history: [WorkflowStepView]

    public static func load(_ election: BudgetElection, viewer: CurrentUser?, on db: any Database, now: Date)
        async throws -> ElectionDTO
    {
        let id = try election.requireID()
        let contents = try await ElectionQuery.contents(election, on: db)
        let mine = try await BallotService.mine(election, userID: viewer?.id, on: db)
        return ElectionDTO(
            id: id, processID: election.processID, title: election.title, description: election.details,
            language: election.language, rule: election.rule, ballotKind: election.ballotKind.rawValue,
            minProjects: election.minProjects, maxProjects: election.maxProjects,
            budgetsPerVoter: election.budgetsPerVoter, minimumAge: election.minimumAge, opensAt: election.opensAt,
            closesAt: election.closesAt, state: election.state.rawValue, phase: election.phase(at: now).rawValue,
            organizer: try await ElectionAuthoring.isOrganizer(viewer, of: election, on: db),
            budgets: try contents.budgets.map { budget in
                Budget(id: try budget.requireID(), position: budget.position, wilayaCode: budget.wilayaCode,
                       amount: budget.amount, projects: contents.projects(of: budget).map(project))
            },
            myBallots: mine.map { MyBallot(budgetID: $0.budgetID, projects: $0.projectNumbers, version: $0.version) },
            history: try await WorkflowStepView.history(workflow: ElectionWorkflow.election.name, subjectID: id, on: db))
    }

    static func project(_ project: ElectionProject) -> Project {
        Project(number: project.number, title: project.title, description: project.details, cost: project.cost,
                wilayaCode: project.wilayaCode, domainCode: project.domainCode,
                exclusiveGroup: project.exclusiveGroup, proposalID: project.proposalID,
                projectID: project.projectID, excludedReason: project.excludedReason)
    }
}

/// A row of `GET /api/v1/pb-elections`.
public struct ElectionRow: Content, Sendable {
    public let id: UUID
    public let processID: UUID
    public let title: String
    public let language: String
    public let state: String
    public let phase: String
    public let opensAt: Date
    public let closesAt: Date

    init(_ election: BudgetElection, now: Date) throws {
        id = try election.requireID()
        processID = election.processID
        title = election.title
        language = election.language
        state = election.state.rawValue
        phase = election.phase(at: now).rawValue
        opensAt = election.opensAt
        closesAt = election.closesAt
    }
}
