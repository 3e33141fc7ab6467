import Vapor

/// Field values and translated field errors for re-rendering a form.
public struct FormState: Encodable, Sendable {
    public var values: [String: String]
    public var errors: [String: String]
    public var message: String?

    public static let empty = FormState(values: [:], errors: [:], message: nil)

    public init(values: [String: String], errors: [String: String], message: String? = nil) {
        self.values = values
        self.errors = errors
        self.message = message
    }

    /// Translates field errors in the request's language (first error per field wins).
    public init(values: [String: String], fieldErrors: [FieldError], on request: Request, message: String? = nil) {
        var errors: [String: String] = [:]
        for error in fieldErrors {
            let text = request.application.catalog.text(error.key, in: request.language, arguments: error.arguments)
            if errors[Self.key(error.field)] == nil { errors[Self.key(error.field)] = text }
            // `funding.0.amount_minor` also shows on `funding`, the field people typed it in.
            if let top = error.field.split(separator: ".").first.map(String.init), top != error.field,
               errors[top] == nil {
                errors[top] = text
            }
        }
        self.init(values: values, errors: errors, message: message)
    }

    /// The form as it was posted (to show it again with what was typed), with the errors of its fields.
    public init(posted request: Request, fieldErrors: [FieldError] = [], message: String? = nil) {
        let body = request.body.data.map { String(buffer: $0) } ?? ""
        var values: [String: String] = [:]
        Self.flatten(FormFields.parse(body), prefix: "", into: &values)
        self.init(values: values, fieldErrors: fieldErrors, on: request, message: message)
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
