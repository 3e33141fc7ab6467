import Vapor

/// The `q` search parameter of every list: at most ``maximumLength`` characters, or a field error.
///
/// A search text is matched against every candidate, so its length multiplies the work of a request; an
/// unbounded `q` let one request re-process megabytes per profile. A longer text is refused, not cut.
public enum SearchText {
    public static let maximumLength = 200

    /// The trimmed text of `q` ("" when absent); throws 422 naming `q` when it is too long.
    public static func read(_ request: Request) throws -> String {
        let raw = request.query[String.self, at: "q"] ?? ""
        guard raw.count <= maximumLength else {
            throw ValidationFailure([FieldError("q", "validation.too_long", "\(maximumLength)")])
        }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
