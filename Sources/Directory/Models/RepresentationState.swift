import Platform

/// A request to represent an organisation, or an invitation to: asked by a person and decided by the
/// organisation (`pending`), or sent by the organisation and answered by the person (`invited`).
public enum RepresentationState: String, WorkflowState {
    case pending
    case invited
    case approved
    case declined
    case withdrawn
}
