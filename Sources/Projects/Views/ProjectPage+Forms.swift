import Directory
import Platform
import Vapor

/// The state of each form of a project's page: what was typed and what is wrong, form by form.
struct ProjectPageForms {
    var report = FormState.empty
    var difficulty = FormState.empty
    var evaluation = FormState.empty
}
