import Vapor

/// A problem with one input field, translated when rendered.
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var key: String
    public var arguments: [String]

    public init(_ field: String, _ key: String, _ arguments: String...) {
        self.field = field
        self.key = key
        self.arguments = arguments
    }
}

/// An error the platform renders itself: HTML page or `application/problem+json`, in the request's language.
///
/// Every room declares its own enum conforming to this, with stable codes (used by API clients)
/// and catalog keys for the messages.
public protocol ShabakaError: Error {
    var status: HTTPResponseStatus { get }
    /// Stable, machine-readable code, e.g. `platform.forbidden`.
    var code: String { get }
    var messageKey: String { get }
    var messageArguments: [String] { get }
    var fieldErrors: [FieldError] { get }
    var extraHeaders: HTTPHeaders { get }
    /// The message's placeholders, given a translator for the reader's language (for errors that name
    /// roles, states or actions). Defaults to ``messageArguments``.
    func localizedArguments(_ text: (String) -> String) -> [String]
}

extension ShabakaError {
    public var messageArguments: [String] { [] }
    public var fieldErrors: [FieldError] { [] }
    public var extraHeaders: HTTPHeaders { [:] }
    public func localizedArguments(_ text: (String) -> String) -> [String] { messageArguments }
}

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
