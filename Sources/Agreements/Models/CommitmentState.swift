import Fluent
import Platform
import Vapor

public enum CommitmentState: String, WorkflowState {
    case planned
    case inProgress = "in_progress"
    case done
    case late
    case dropped
}
