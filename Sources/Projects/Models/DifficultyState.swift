import Fluent
import Platform
import Vapor

/// Reported → diagnosed → (solutions proposed) → decided → resolved, or escalated to the observatory when
/// the decision's deadline passes.
public enum DifficultyState: String, WorkflowState {
    case reported, diagnosed, decided, resolved, escalated
}
