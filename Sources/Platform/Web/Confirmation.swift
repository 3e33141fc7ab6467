import Vapor

/// The second step of a destructive or final action (`platform/confirm`), without JavaScript: the first button
/// posts the form without `confirmed`, which shows this page — what will happen, the fields the action asks for,
/// a "Yes, …" button posting the same form again with `confirmed=yes`, and a link back. Only that post acts.
public struct Confirmation: Sendable {
    /// The action as its button names it ("Reject", "Remove").
    public var action: String
    /// What the action is about, as its page names it.
    public var subject: String
    /// What will happen.
    public var lines: [String]
    /// The page "No" leads back to.
    public var back: String
    /// Fields the form carries again unchanged (the action, a token).
    public var hidden: [String: String]
    /// Fields the action asks for (its reason), drawn from the confirmation's form state.
    public var fields: @Sendable (FormState) -> [FormFieldView]

    public init(action: String, subject: String, lines: [String] = [], back: String, hidden: [String: String] = [:],
                fields: @escaping @Sendable (FormState) -> [FormFieldView] = { _ in [] }) {
        self.action = action
        self.subject = subject
        self.lines = lines
        self.back = back
        self.hidden = hidden
        self.fields = fields
    }

    /// Element ids of the confirmation's fields begin with this.
    public static let idPrefix = "confirm-"
}

struct ConfirmationContext: Encodable {
    struct Hidden: Encodable {
        let name: String
        let value: String
    }

    let page: PageMeta
    let subject: String
    let lines: [String]
    let url: String
    let back: String
    /// "Yes, …" (`yes` is a word of Leaf's).
    let confirmLabel: String
    let confirmed: String
    let hidden: [Hidden]
    let fields: [FormFieldView]
    let form: FormState
}

extension Request {
    /// The form was sent without its confirmation (or its confirmation was refused: `form` has the errors):
    /// the page that asks for it, posting to the same address.
    public func confirmationPage(_ confirmation: Confirmation, form: FormState = .empty,
                                 status: HTTPResponseStatus = .ok) async throws -> Response {
        let form = form.prefixed(Confirmation.idPrefix)
        return try await render("platform/confirm", ConfirmationContext(
            page: try await PageMeta.make(for: self, titleKey: "confirm.title", confirmation.action),
            subject: confirmation.subject, lines: confirmation.lines, url: url.string, back: confirmation.back,
            confirmLabel: t("confirm.yes", Self.midSentence(confirmation.action, in: language)), confirmed: StepForm.yes,
            hidden: confirmation.hidden.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) },
            fields: confirmation.fields(form), form: form), status: status)
    }

    /// Does a destructive action once it is confirmed; before, shows its confirmation page. A refused
    /// confirmation (its reason missing) comes back on that page with its errors.
    public func confirming(_ confirmation: Confirmation, confirmed: Bool,
                           act: () async throws -> Response) async throws -> Response {
        guard confirmed else { return try await confirmationPage(confirmation, form: FormState(posted: self)) }
        return try await submitting(act) { form in try await confirmationPage(confirmation, form: form) }
    }

    /// An action's name inside a sentence ("Yes, reject"): French and English begin it in lower case (not an
    /// acronym); Arabic has no case.
    static func midSentence(_ label: String, in language: SiteLanguage) -> String {
        guard language != .ar, let first = label.first, first.isUppercase,
              label.dropFirst().first.map({ !$0.isUppercase }) ?? true else { return label }
        return first.lowercased() + label.dropFirst()
    }
}
