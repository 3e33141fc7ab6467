import Fluent
import Platform
import Vapor

/// The states of an organisation's membership of a network.
public enum MembershipState: String, WorkflowState {
    case active, suspended, terminated
}
