import Vapor

/// What a destructive step's confirmation page says about its subject, and where "No" leads.
public struct StepConfirmation: Sendable {
    /// The subject as its page names it (a project's title, an organisation's name).
    public var subject: String
    /// The subject's page.
    public var back: String
    /// The label of the reason box (`workflow.reason` when nil).
    public var reasonKey: String?
    /// The page offers a box for a reason even where the step needs none.
    public var optionalReason: Bool

    public init(subject: String, back: String, reasonKey: String? = nil, optionalReason: Bool = false) {
        self.subject = subject
        self.back = back
        self.reasonKey = reasonKey
        self.optionalReason = optionalReason
    }
}

extension Request {
    /// Takes a workflow step sent from a page. A destructive step (``WorkflowTransition/destructive``) is first
    /// confirmed on a second page (``confirmationPage(_:form:status:)``): what will happen, the reason it asks
    /// for, "Yes, …" and a link back; only the confirmed form takes it. Whether this person may take the step from
    /// `state` is checked before the confirmation is asked (403, or the refusal on the page's form).
    ///
    /// A refused step comes back to `refused` (the subject's page with the sent form and its errors); a refused
    /// confirmation comes back on the confirmation page.
    public func takingStep<State: WorkflowState>(
        _ workflow: Workflow<State>, from state: State, form: StepForm, confirmation: StepConfirmation,
        take: () async throws -> Response, refused: (FormState) async throws -> Response
    ) async throws -> Response {
        let action = form.action ?? ""
        guard let transition = workflow.transitions.first(where: { $0.action == action }), transition.destructive else {
            return try await submitting(take, refused: refused)
        }
        let label = t("workflow.\(workflow.name).action.\(action)")
        var lines = [t("confirm.move", t("workflow.\(workflow.name).state.\(state.rawValue)"),
                       t("workflow.\(workflow.name).state.\(transition.to.rawValue)"))]
        if workflow.actions(from: transition.to).isEmpty { lines.append(t("confirm.final")) }
        let reasonLabel = t(confirmation.reasonKey ?? "workflow.reason")
        let asksReason = transition.requiresReason || confirmation.optionalReason
        let page = Confirmation(action: label, subject: confirmation.subject, lines: lines, back: confirmation.back,
                                hidden: ["action": action]) { form in
            asksReason ? [FormFieldView("reason", label: reasonLabel, in: form, rows: 3,
                                        required: transition.requiresReason)] : []
        }
        return try await submitting({
            // The reason is asked on the confirmation page: only whether the step is possible is checked here.
            _ = try workflow.check(action: action, from: state, user: try requireUser(), reason: "-")
            return try await confirming(page, confirmed: form.isConfirmed, act: take)
        }, refused: refused)
    }
}

extension Request {
    /// As ``takingStep(_:from:form:confirmation:take:refused:)``, and a refusal by the rules of a room (an `E` other
    /// than "not found", such as a draft not complete enough to schedule) shown at the step form with its message.
    public func takingStep<State: WorkflowState, E: ShabakaError>(
        _ workflow: Workflow<State>, from state: State, form: StepForm, confirmation: StepConfirmation,
        refusing: E.Type, take: () async throws -> Response, refused: (FormState) async throws -> Response
    ) async throws -> Response {
        try await submitting(refusing: E.self, {
            try await takingStep(workflow, from: state, form: form, confirmation: confirmation, take: take,
                                 refused: refused)
        }, refused: refused)
    }
}
