import Vapor

/// Invalid input: 422 with one entry per field.
public struct ValidationFailure: ShabakaError {
    public var fieldErrors: [FieldError]
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var code: String { "validation.failed" }
    public var messageKey: String { "error.validation" }

    public init(_ fieldErrors: [FieldError]) {
        self.fieldErrors = fieldErrors
    }
}
