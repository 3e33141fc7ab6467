import Fluent
import Platform
import Vapor

/// A membership application as the API shows it.
public struct ApplicationDTO: Content {
    let id: UUID
    let networkID: UUID
    let organizationID: UUID
    let state: String
    let motivation: String
    let accreditationNumber: String?
    let accreditationDate: String?
    let domains: [String]
    let references: String
    let checklist: [String: Bool]
    let checklistItems: [String]
    /// The reviewer's note beside the checklist.
    let checklistNote: String?
    let decisionReason: String?
    let allowedActions: [String]
    let history: [WorkflowStepView]

    static func load(_ application: MembershipApplication, for user: CurrentUser?, on db: any Database) async throws
        -> ApplicationDTO
    {
        let id = try application.requireID()
        let history = try await WorkflowStep.history(workflow: "application", subjectID: id, on: db)
        let actions = user.map { MembershipWorkflows.application.actions(from: application.state, for: $0).map(\.action) } ?? []
        return ApplicationDTO(
            id: id, networkID: application.networkID, organizationID: application.organizationID,
            state: application.state.rawValue, motivation: application.motivation,
            accreditationNumber: application.accreditationNumber, accreditationDate: application.accreditationDate,
            domains: application.domains.split(separator: ",").map(String.init), references: application.references,
            checklist: application.checklist, checklistItems: MembershipChecklist.items, checklistNote: application.checklistNote,
            decisionReason: application.decisionReason, allowedActions: actions, history: try await WorkflowStepView.list(history, on: db))
    }
}
