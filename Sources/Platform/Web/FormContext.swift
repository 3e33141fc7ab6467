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
        for error in fieldErrors where errors[error.field] == nil {
            errors[error.field] = request.application.catalog.text(error.key, in: request.language, arguments: error.arguments)
        }
        self.init(values: values, errors: errors, message: message)
    }
}

/// A page that shows a form.
public struct FormPageContext: Encodable, Sendable {
    public let page: PageMeta
    public let form: FormState
    public let extra: [String: String]

    public init(page: PageMeta, form: FormState, extra: [String: String] = [:]) {
        self.page = page
        self.form = form
        self.extra = extra
    }
}

extension Request {
    /// Renders a view with a status other than 200 (form errors: 422, wrong password: 401).
    public func render(_ view: String, _ context: some Encodable, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await self.view.render(view, context).encodeResponse(for: self)
        response.status = status
        return response
    }

    /// Reads one optional text field of a submitted form, trimmed of nothing (passwords keep their spaces).
    public func formField(_ name: String) -> String {
        (try? content.get(String.self, at: name)) ?? ""
    }

    /// A redirect after a successful form post (303, so the browser follows with GET).
    public func seeOther(_ location: String) -> Response {
        redirect(to: location, redirectType: .normal)
    }
}
