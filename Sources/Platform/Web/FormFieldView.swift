/// One input drawn by `platform/form-field` (a step's reason, a rating): its id, name and label, what was typed
/// and its error, from the state of the form it belongs to.
public struct FormFieldView: Encodable, Sendable {
    public let id: String
    public let name: String
    public let label: String
    /// Above one, a text area of that many rows; else a one-line input.
    public let rows: Int
    /// Digits typed left to right (`inputmode="numeric"`).
    public let numeric: Bool
    public let required: Bool
    public let value: String
    public let error: String?

    /// The field `name` of `form`: its id is the form's ``FormState/idPrefix`` and the field's key.
    public init(_ name: String, label: String, in form: FormState, rows: Int = 1, numeric: Bool = false,
                required: Bool = false) {
        let key = FormState.key(name)
        id = form.idPrefix + key
        self.name = name
        self.label = label
        self.rows = rows
        self.numeric = numeric
        self.required = required
        value = form.values[key] ?? ""
        error = form.fieldError(key)
    }
}
