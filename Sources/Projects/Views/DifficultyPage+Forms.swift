import Platform
import Vapor

/// The forms of a difficulty's page, each with its own state (the refused one only) and its own element ids:
/// `solution-…` for a proposal, `decision-…` for the decision, `step-<action>-…` for each step.
struct DifficultyPageForms {
    var propose = FormState.empty
    var decide = FormState.empty
    /// The workflow step sent and refused.
    var step: WorkflowStepForms.Sent?
}
