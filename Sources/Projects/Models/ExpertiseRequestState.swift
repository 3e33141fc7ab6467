import Fluent
import Platform
import Vapor

/// open → assigned → completed (with the association's feedback), or cancelled.
public enum ExpertiseRequestState: String, WorkflowState {
    case open, assigned, completed, cancelled
}
