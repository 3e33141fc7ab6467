import Vapor

/// The forms of the steps a reader may take next on a subject's page (`platform/workflow-steps`): one form per
/// step, each with its own ids and its own errors, so that a refused step marks only its form. Constructive steps
/// come first, with a box for their reason when they take one; destructive steps
/// (``WorkflowTransition/destructive``) follow, set apart and styled as such: their button opens the confirmation
/// step (``Request/takingStep(_:from:form:confirmation:take:refused:)``), which asks for the reason.
public struct WorkflowStepForms: Encodable, Sendable {
    public struct Step: Encodable, Sendable {
        public let action: String
        public let label: String
        public let url: String
        public let fields: [FormFieldView]
        public let form: FormState
    }

    /// The step form that was sent and refused, shown again with what was typed and its errors.
    public struct Sent: Sendable {
        public let action: String
        public let form: FormState

        public init(action: String, form: FormState) {
            self.action = action
            self.form = form
        }
    }

    /// How a page draws its steps.
    public struct Style: Sendable {
        /// Steps that need no reason still offer a box for one (it is kept in the history).
        public var optionalReason = false
        /// Side by side with one-line boxes (in a list item or a table cell) rather than stacked.
        public var inline = false
        /// The page asks a reason for a step its workflow takes without one (a difficulty's diagnosis: its cause).
        public var reasonRequired: @Sendable (String) -> Bool = { _ in false }
        /// The catalog key of a step's reason label (`workflow.reason` when nil).
        public var reasonKey: @Sendable (String) -> String? = { _ in nil }
        /// Rows of a step's reason box (stacked steps).
        public var rows: @Sendable (String) -> Int = { _ in 3 }
        /// A step's other fields (the rating that completes an expertise request), from its form state.
        public var extra: @Sendable (String, FormState, Request) -> [FormFieldView] = { _, _, _ in [] }

        public init(optionalReason: Bool = false, inline: Bool = false) {
            self.optionalReason = optionalReason
            self.inline = inline
        }
    }

    public let csrf: String
    public let inline: Bool
    public let steps: [Step]
    public let destructive: [Step]
    /// A sent step the page no longer offers (someone took another step meanwhile): its refusal is said above the
    /// steps still possible.
    public let refused: FormState?
    /// There is something to show: a step to take, or a refusal to explain.
    public let shown: Bool

    public var isEmpty: Bool { steps.isEmpty && destructive.isEmpty }

    /// The forms of `actions` (in that order), posted to `url`. `id` makes element ids unique on the page (a row's
    /// id where each row has its steps); `sent` is the refused form of one of them.
    public static func make<State: WorkflowState>(
        _ workflow: Workflow<State>, actions: [String], url: String, id: String, sent: Sent? = nil,
        style: Style = Style(), csrf: String, _ req: Request
    ) -> WorkflowStepForms {
        let made = actions.compactMap { action -> (Step, Bool)? in
            guard let transition = workflow.transitions.first(where: { $0.action == action }) else { return nil }
            let form = (sent?.action == action ? sent?.form ?? .empty : .empty).prefixed("\(id)-\(action)-")
            var fields: [FormFieldView] = []
            let required = transition.requiresReason || style.reasonRequired(action)
            if !transition.destructive, required || style.optionalReason {
                fields.append(FormFieldView("reason", label: req.t(style.reasonKey(action) ?? "workflow.reason"), in: form,
                                            rows: style.inline ? 1 : style.rows(action), required: required))
            }
            if !transition.destructive { fields += style.extra(action, form, req) }
            let step = Step(action: action, label: req.t("workflow.\(workflow.name).action.\(action)"), url: url,
                            fields: fields, form: form)
            return (step, transition.destructive)
        }
        let refused = sent.flatMap { sent in
            actions.contains(sent.action) ? nil : sent.form.prefixed("\(id)-\(sent.action)-")
        }
        return WorkflowStepForms(csrf: csrf, inline: style.inline, steps: made.filter { !$0.1 }.map(\.0),
                                 destructive: made.filter(\.1).map(\.0), refused: refused,
                                 shown: !made.isEmpty || refused != nil)
    }
}

extension Request {
    /// The CSRF token of the page's forms, as ``PageMeta`` gives it to a signed-in reader, for forms drawn by
    /// partials that do not see the page (``WorkflowStepForms``).
    public var formCSRF: String { hasSession ? CSRF.token(for: self) : "" }
}
