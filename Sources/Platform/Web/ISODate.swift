import Foundation

/// Calendar dates as the platform stores them: `YYYY-MM-DD` strings (no time zone to get wrong).
public enum ISODate {
    /// The date of a real calendar day written `YYYY-MM-DD` (midnight UTC), or nil.
    public static func parse(_ raw: String) -> Date? {
        let bytes = Array(raw.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { return nil }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month), day >= 1, day <= length(ofMonth: month, in: year) else { return nil }
        return Date(timeIntervalSince1970: Double(CivilCalendar.days(year: year, month: month, day: day)) * 86_400)
    }

    /// The UTC calendar day of `date`, `YYYY-MM-DD`.
    public static func string(_ date: Date) -> String {
        let parts = CivilCalendar.components(date, offset: 0)
        return CivilCalendar.text(year: parts.year, month: parts.month, day: parts.day)
    }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A field error for a bad or missing date; `notAfter` refuses dates in the future.
    public static func check(_ raw: String?, field: String, required: Bool = false, notAfter: Date? = nil) -> FieldError? {
        guard let raw, !raw.isEmpty else { return required ? FieldError(field, "validation.required") : nil }
        guard let date = parse(raw) else { return FieldError(field, "validation.date") }
        if let notAfter, date > notAfter { return FieldError(field, "validation.date_future") }
        return nil
    }
}
