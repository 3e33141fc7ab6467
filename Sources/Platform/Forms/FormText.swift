import Foundation

/// What page forms send, read as the API's types: an id picked in a list, an optional count.
public enum FormText {
    /// The id chosen in a list; an empty choice (or anything not an id) is none.
    public static func id(_ text: String?) -> UUID? {
        text.flatMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }
    }

    /// A count typed in an optional field: nil when empty, else the number or a field error.
    public static func optionalInteger(_ text: String?, field: String, into errors: inout [FieldError]) -> Int? {
        let typed = (text ?? "").trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? nil : FormNumbers.integer(typed, field: field, into: &errors)
    }
}
