import Leaf
import LeafKit
import Vapor

/// `#actor(step)`: who took a workflow step (a ``WorkflowStepView``), in the request's language: "Name (role)",
/// "automatic" or "former member".
struct ActorTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let step = ctx.parameters[0].dictionary else {
            throw LeafError(.unknownError("#actor() needs a workflow step"))
        }
        guard let request = ctx.request else { return .string(step["actor"]?.string ?? "") }
        let catalog = request.application.catalog
        switch step["actorKind"]?.string.flatMap(WorkflowStepView.ActorKind.init(rawValue:)) {
        case .person:
            let name = step["actor"]?.string ?? ""
            guard let role = step["actorRole"]?.string else { return .string(name) }
            return .string(name + " (" + catalog.text("role." + role, in: request.language) + ")")
        case .formerMember:
            return .string(catalog.text("person.former_member", in: request.language))
        case .automatic, nil:
            return .string(catalog.text("workflow.actor.automatic", in: request.language))
        }
    }
}
