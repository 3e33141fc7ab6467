import Vapor

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
