import Platform

/// The forms of a proposal's page, the refused one with its errors.
struct ProposalPageForms {
    var edit: FormState = .empty
    var endorse: FormState = .empty
    var assisted: FormState = .empty
    var assign: FormState = .empty
    var evaluation: FormState = .empty
    var answer: FormState = .empty
    var merge: FormState = .empty
    var project: FormState = .empty
    var comment: FormState = .empty
    var step: WorkflowStepForms.Sent?
}
