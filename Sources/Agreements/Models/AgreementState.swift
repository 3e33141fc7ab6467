import Fluent
import Platform
import Vapor

public enum AgreementState: String, WorkflowState {
    case draft, signed, active, expired, terminated
}
