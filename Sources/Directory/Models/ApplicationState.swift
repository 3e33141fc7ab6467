import Fluent
import Platform
import Vapor

/// The states of an application to join a network.
public enum ApplicationState: String, WorkflowState {
    case submitted
    case underReview = "under_review"
    case accepted
    case rejected
    case withdrawn
}
