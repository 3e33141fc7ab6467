import Vapor

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
