import Foundation
import Platform

/// Small field checks shared by the forms, the API and the CSV import.
enum Check {
    /// `YYYY-MM-DD`, a real calendar date, not after `notAfter` when given.
    static func isoDate(_ raw: String?, field: String, notAfter: Date? = nil) -> FieldError? {
        ISODate.check(raw, field: field, notAfter: notAfter)
    }

    static func email(_ raw: String?, field: String) -> FieldError? {
        guard let raw, !raw.isEmpty else { return nil }
        let parts = raw.split(separator: "@", omittingEmptySubsequences: false)
        guard raw.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !raw.contains(where: \.isWhitespace) else { return FieldError(field, "validation.email") }
        return nil
    }

    static func url(_ raw: String?, field: String) -> FieldError? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let url = URL(string: raw), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            return FieldError(field, "validation.url")
        }
        return nil
    }

    static func length(_ raw: String?, field: String, min: Int = 0, max: Int) -> FieldError? {
        let count = raw?.trimmingCharacters(in: .whitespacesAndNewlines).count ?? 0
        if min > 0, count == 0 { return FieldError(field, "validation.required") }
        if count < min { return FieldError(field, "validation.too_short", "\(min)") }
        if count > max { return FieldError(field, "validation.too_long", "\(max)") }
        return nil
    }

    static func trimmed(_ raw: String?) -> String? {
        guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
