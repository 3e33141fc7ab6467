import Fluent
import Platform
import Vapor

/// Where a project stands in its procedure (see ``ProjectWorkflows/project``).
public enum ProjectState: String, WorkflowState {
    case draft, submitted
    case underReview = "under_review"
    case approved, rejected
    case inProgress = "in_progress"
    case suspended, completed, evaluated
}
