import Fluent
import Platform
import Vapor

/// pledged → confirmed → fulfilled (when deliveries reach the pledged value), or cancelled.
public enum PledgeState: String, WorkflowState {
    case pledged, confirmed, fulfilled, cancelled
}
