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
