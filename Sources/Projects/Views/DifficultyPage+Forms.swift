import Platform
import Vapor

/// The forms of a difficulty's page, each with its own state; `stepAction` says which step's form `step` is.
struct DifficultyPageForms {
    var propose = FormState.empty
    var decide = FormState.empty
    var step = FormState.empty
    var stepAction = ""
}
