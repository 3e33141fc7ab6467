import Vapor

/// Field values and translated errors for showing a form again.
///
/// An error is shown on its field (aria-invalid, the message under it) and listed in the form's error summary
/// (`platform/form-message`), linked to the field (the GOV.UK "error summary" pattern). An error belongs to a
/// field when the form sent that field (`title_ar` for `title[ar]`; a text in several languages is one field),
/// or when the page names it as a group of boxes (``grouping(_:)``). Any other error — a rule over several
/// fields (a sum, a total), a step the workflow refuses, a field the form does not have — belongs to no field:
/// the summary lists it without a link and no field is marked for it.
public struct FormState: Encodable, Sendable {
    public var values: [String: String]
    /// Every error by field key (``key(_:)``), including those of no field on the form.
    public var errors: [String: String]
    public var message: String?
    /// Before each field's key in its element id on a page with several forms (`difficulty-` → `difficulty-title`),
    /// so that ids stay unique on the page and the summary links to the field of this form.
    public var idPrefix = ""
    /// The errors in the order they were found: the field key they were reported on and their text.
    private var problems: [Problem] = []
    /// The fields the browser sent; nil for a form state made by code (then every error is on its field).
    private var posted: Set<String>?
    /// Groups of boxes or radio buttons, sent only when one is ticked, whose error is shown on the group.
    private var groups: Set<String> = []

    /// Names forms carry in hidden inputs (the step, its confirmation, a link's token…): nobody can correct them,
    /// so an error about one belongs to no field.
    static let hiddenFields: Set<String> = ["action", "confirmed", "token", "next", "expert_id", "owner_type", "owner_id"]

    private struct Problem: Sendable {
        /// Empty for an error of no field (a refusal).
        let key: String
        /// The key of the field the error's field is part of (`funding` for `funding.0.amount_minor`).
        let top: String
        let text: String
    }

    /// One line of the error summary: a link to the field (`#id`), or nil for an error of no field.
    public struct SummaryLine: Encodable, Sendable {
        public let href: String?
        public let text: String
    }

    public static let empty = FormState(values: [:], errors: [:], message: nil)

    public init(values: [String: String], errors: [String: String], message: String? = nil) {
        self.values = values
        self.errors = errors
        self.message = message
        problems = errors.sorted { $0.key < $1.key }.map { Problem(key: $0.key, top: $0.key, text: $0.value) }
    }

    /// Translates field errors in the request's language (first error per field wins).
    public init(values: [String: String], fieldErrors: [FieldError], on request: Request, message: String? = nil) {
        var errors: [String: String] = [:]
        var problems: [Problem] = []
        for error in fieldErrors {
            let text = request.application.catalog.text(error.key, in: request.language, arguments: error.arguments)
            let key = Self.key(error.field)
            let top = error.field.split(separator: ".").first.map { Self.key(String($0)) } ?? key
            problems.append(Problem(key: key, top: top, text: text))
            if errors[key] == nil { errors[key] = text }
            // `funding.0.amount_minor` also shows on `funding`, the field people typed it in.
            if top != key, errors[top] == nil { errors[top] = text }
        }
        self.init(values: values, errors: errors, message: message)
        self.problems = problems
    }

    /// The form as it was posted (to show it again with what was typed), with the errors of its fields and, for a
    /// step refused as a whole, the `refusal` (listed in the summary, on no field).
    public init(posted request: Request, fieldErrors: [FieldError] = [], message: String? = nil, refusal: String? = nil) {
        let body = request.body.data.map { String(buffer: $0) } ?? ""
        var values: [String: String] = [:]
        Self.flatten(FormFields.parse(body), prefix: "", into: &values)
        self.init(values: values, fieldErrors: fieldErrors, on: request, message: message)
        posted = Set(values.keys).subtracting(Self.hiddenFields)
        if let refusal { refuse(refusal) }
    }

    /// The form as posted, refused as a whole by `error` (a step not possible from this state, a rule of the
    /// room): its message in the summary, and its field errors on the fields the form has.
    public init(posted request: Request, refusedBy error: any ShabakaError) {
        let catalog = request.application.catalog
        let text = catalog.text(error.messageKey, in: request.language,
                                arguments: error.localizedArguments { catalog.text($0, in: request.language) })
        // An error about a hidden field (an unknown action) says nothing the refusal does not.
        self.init(posted: request, fieldErrors: error.fieldErrors.filter { !Self.hiddenFields.contains(Self.key($0.field)) },
                  refusal: text)
    }

    /// Adds an error of the form as a whole (a step refused): in the summary, on no field.
    public mutating func refuse(_ text: String) {
        problems.append(Problem(key: "", top: "", text: text))
    }

    /// The same form with its element ids after `prefix`.
    public func prefixed(_ prefix: String) -> FormState {
        var form = self
        form.idPrefix = prefix
        return form
    }

    /// The same form and errors showing `values` (a record's fields when nothing was posted).
    public func showing(_ values: [String: String]) -> FormState {
        var form = self
        form.values = values
        return form
    }

    /// The same errors on a form the page could not read as posted (a `multipart/form-data` upload): its fields and
    /// values as the page read them.
    public func posting(_ values: [String: String]) -> FormState {
        var form = self
        form.values = values
        form.posted = Set(values.keys).subtracting(Self.hiddenFields)
        return form
    }

    /// The same form where `keys` name groups of check boxes or radio buttons, whose first box has the key as id:
    /// their errors are shown on the group even when nothing was ticked (and so nothing sent).
    public func grouping(_ keys: String...) -> FormState {
        var form = self
        form.groups.formUnion(keys)
        return form
    }

    /// The error shown on the field `key`, nil when it has none (or its error belongs to no field of this form).
    public func fieldError(_ key: String) -> String? {
        anchor(of: key) == nil ? nil : errors[key]
    }

    /// The form has errors of any kind.
    public var hasErrors: Bool { !problems.isEmpty }

    /// The error summary: each error once, in the order found, linked to its field when it has one.
    public var summary: [SummaryLine] {
        var lines: [SummaryLine] = []
        var seen = Set<String>()
        for problem in problems {
            let id = problem.key.isEmpty ? nil
                : anchor(of: problem.key) ?? (problem.top == problem.key ? nil : anchor(of: problem.top))
            let href = id.map { "#" + idPrefix + $0 }
            if seen.insert((href ?? "") + "\u{0}" + problem.text).inserted {
                lines.append(SummaryLine(href: href, text: problem.text))
            }
        }
        // A refusal that is also an error of a field is listed once, linked to the field.
        let linked = Set(lines.filter { $0.href != nil }.map(\.text))
        return lines.filter { $0.href != nil || !linked.contains($0.text) }
    }

    /// The element id (after ``idPrefix``) of the field `key`, or nil when the form has no such field.
    private func anchor(of key: String) -> String? {
        if groups.contains(key) { return key }
        guard let posted else { return Self.hiddenFields.contains(key) ? nil : key }
        if posted.contains(key) { return key }
        // A text in several languages is one field, linked at its first language.
        return SiteLanguage.allCases.map { key + "_" + $0.rawValue }.first(where: posted.contains)
    }

    private enum CodingKeys: String, CodingKey {
        case values, errors, message, idPrefix, summary, hasFieldErrors
    }

    /// Templates see only the errors of fields the form has, so that none lands on a field it does not describe.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let summary = summary
        try container.encode(values, forKey: .values)
        try container.encode(errors.filter { anchor(of: $0.key) != nil }, forKey: .errors)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encode(idPrefix, forKey: .idPrefix)
        try container.encode(summary, forKey: .summary)
        try container.encode(summary.contains { $0.href != nil }, forKey: .hasFieldErrors)
    }

    /// How a template names a field: the API's name with every `.` or bracket as `_` (`title[ar]` → `title_ar`,
    /// `jobs_created_breakdown.sex` → `jobs_created_breakdown_sex`).
    public static func key(_ field: String) -> String {
        field.replacingOccurrences(of: "][", with: "_").replacingOccurrences(of: "[", with: "_")
            .replacingOccurrences(of: "]", with: "").replacingOccurrences(of: ".", with: "_")
    }

    private static func flatten(_ object: [String: Any], prefix: String, into values: inout [String: String]) {
        for (key, value) in object {
            let name = prefix.isEmpty ? key : prefix + "_" + key
            switch value {
            case let text as String: values[name] = text
            case let list as [String]: values[name] = list.joined(separator: ",")
            case let child as [String: Any]: flatten(child, prefix: name, into: &values)
            default: break
            }
        }
    }
}
