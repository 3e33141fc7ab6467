import Directory
import Platform
import Vapor

/// The state of each form of a project's page: what was typed and what is wrong, form by form (the refused one
/// only). Element ids are unique on the page: the difficulty form's begin with `difficulty-`, each step's with
/// `step-<action>-`.
struct ProjectPageForms {
    var report = FormState.empty
    var difficulty = FormState.empty
    var evaluation = FormState.empty
    /// The workflow step sent and refused.
    var step: WorkflowStepForms.Sent?
}
