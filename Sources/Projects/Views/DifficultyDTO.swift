import Directory
import Fluent
import Platform
import Vapor

public struct DifficultyDTO: Content {
    public let id: UUID
    public let projectID: UUID
    public let projectSlug: String
    public let category: String
    public let severity: String
    public let title: String
    public let description: String
    public let state: String
    /// Decided, and the deadline has passed: the worker escalates it within minutes.
    public let overdue: Bool
    public let reportedBy: String
    public let reportedAt: Date
    public let cause: String?
    public let diagnosedBy: String?
    public let diagnosedAt: Date?
    public let solutions: [SolutionDTO]
    public let decision: Decision?
    public let closedNote: String?
    public let closedAt: Date?
    public let history: [WorkflowStepView]

    public struct Decision: Content {
        public let solutionID: UUID?
        public let reason: String?
        public let owner: String?
        public let deadline: String?
        public let decidedBy: String?
        public let decidedAt: Date?
    }

    static func load(_ difficulty: Difficulty, on db: any Database, reader: Reader, now: Date) async throws -> DifficultyDTO {
        let id = try difficulty.requireID()
        let solutions = try await Solution.query(on: db).filter(\.$difficultyID == id).sort(\.$proposedAt).all()
        let project = try await Project.find(difficulty.projectID, on: db)
        let authors = try await reader.authorNames(
            [difficulty.reportedByUserID, difficulty.diagnosedByUserID, difficulty.decidedByUserID]
                + solutions.map(\.proposerID), on: db)
        return DifficultyDTO(
            id: id, projectID: difficulty.projectID, projectSlug: project?.slug ?? "", category: difficulty.category.rawValue,
            severity: difficulty.severity.rawValue, title: difficulty.title, description: difficulty.details,
            state: difficulty.state.rawValue, overdue: difficulty.isOverdue(on: now),
            reportedBy: authors.name(of: difficulty.reportedByUserID, stored: difficulty.reportedBy),
            reportedAt: difficulty.reportedAt, cause: difficulty.cause,
            diagnosedBy: difficulty.diagnosedBy.map { authors.name(of: difficulty.diagnosedByUserID, stored: $0) },
            diagnosedAt: difficulty.diagnosedAt,
            solutions: try solutions.map {
                SolutionDTO(id: try $0.requireID(), description: $0.details, costMinor: $0.costMinor, durationDays: $0.durationDays,
                            proposer: authors.name(of: $0.proposerID, stored: $0.proposerName), proposedAt: $0.proposedAt,
                            chosen: $0.id == difficulty.chosenSolutionID)
            },
            decision: difficulty.decidedAt == nil ? nil : Decision(
                solutionID: difficulty.chosenSolutionID, reason: difficulty.decisionReason, owner: difficulty.decisionOwner,
                deadline: difficulty.decisionDeadline,
                decidedBy: difficulty.decidedBy.map { authors.name(of: difficulty.decidedByUserID, stored: $0) },
                decidedAt: difficulty.decidedAt),
            closedNote: difficulty.closedNote, closedAt: difficulty.closedAt,
            history: try await WorkflowStepView.history(workflow: "difficulty", subjectID: id, on: db))
    }
}
