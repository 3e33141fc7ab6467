import Fluent
import Platform
import Vapor

/// open → assigned (proposed to an expert) → accepted by the expert (or declined: open again) → answered with the
/// advice → completed with the association's rating; a follow-up question takes an answered request back to the
/// expert (accepted). Cancelled by the association while no advice is given.
public enum ExpertiseRequestState: String, WorkflowState {
    case open, assigned, accepted, answered, completed, cancelled
}
