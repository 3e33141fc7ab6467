import Fluent
import Vapor

/// A workflow step as pages and the API show it: who took it is resolved when shown, from the account, so a
/// history names the person and the role they hold (never "user"), says "automatic" for steps nobody took (the
/// platform, a scheduled job, the demo data) and "former member" for an erased account.
public struct WorkflowStepView: Content {
    public enum ActorKind: String, Codable, Sendable {
        case person
        case automatic
        case formerMember = "former_member"
    }

    public let action: String
    public let from: String?
    public let to: String
    public let actorKind: ActorKind
    public let actorID: UUID?
    /// The person's name (for `person` only).
    public let actor: String?
    /// The most responsible role they hold (`Role` raw value), for `person` only.
    public let actorRole: String?
    public let reason: String?
    public let at: Date

    /// The steps with their actors, in one query for every actor.
    public static func list(_ steps: [WorkflowStep], on db: any Database) async throws -> [WorkflowStepView] {
        let ids = Array(Set(steps.compactMap(\.actorID)))
        var people: [UUID: (name: String, role: Role?)] = [:]
        if !ids.isEmpty {
            let users = try await User.query(on: db).filter(\.$id ~~ ids).filter(\.$erasedAt == nil)
                .with(\.$roleAssignments).all()
            for user in users {
                guard let id = user.id else { continue }
                let held = Set(user.roleAssignments.map(\.role))
                people[id] = (user.displayName, Role.allCases.first { held.contains($0) })
            }
        }
        return steps.map { step in
            let person = step.actorID.flatMap { people[$0] }
            let kind: ActorKind = step.actorID == nil ? .automatic : (person == nil ? .formerMember : .person)
            return WorkflowStepView(action: step.action, from: step.fromState, to: step.toState, actorKind: kind,
                                    actorID: person == nil ? nil : step.actorID, actor: person?.name,
                                    actorRole: person?.role?.rawValue, reason: step.reason, at: step.occurredAt)
        }
    }

    /// The history of one subject, oldest first, with its actors.
    public static func history(workflow: String, subjectID: UUID, on db: any Database) async throws -> [WorkflowStepView] {
        try await list(WorkflowStep.history(workflow: workflow, subjectID: subjectID, on: db), on: db)
    }
}
