import Foundation

/// Calendar dates as the platform stores them: `YYYY-MM-DD` strings (no time zone to get wrong).
public enum ISODate {
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }

    /// The date of a real calendar day written `YYYY-MM-DD`, or nil.
    public static func parse(_ raw: String) -> Date? {
        let formatter = formatter()
        guard raw.count == 10, let date = formatter.date(from: raw), formatter.string(from: date) == raw else { return nil }
        return date
    }

    public static func string(_ date: Date) -> String {
        formatter().string(from: date)
    }

    /// A field error for a bad or missing date; `notAfter` refuses dates in the future.
    public static func check(_ raw: String?, field: String, required: Bool = false, notAfter: Date? = nil) -> FieldError? {
        guard let raw, !raw.isEmpty else { return required ? FieldError(field, "validation.required") : nil }
        guard let date = parse(raw) else { return FieldError(field, "validation.date") }
        if let notAfter, date > notAfter { return FieldError(field, "validation.date_future") }
        return nil
    }
}
