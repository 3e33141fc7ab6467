import ArabicText
import Foundation

/// The documented range of every kind of number people enter (see docs/security.md, "Field ranges").
///
/// Every numeric input is checked against one of these at the edge, so that nothing stored can overflow a
/// sum or a conversion later: a measurement of `1e300` once stopped the server on every view of its page.
public enum NumberRange {
    /// Amounts of money in minor units (centimes): up to 1,000,000,000,000 DA.
    public static let moneyMinor: ClosedRange<Int64> = 0...100_000_000_000_000
    /// All of one company's pledges together, in minor units (so that their sum always fits).
    public static let pledgesPerCompanyMinor: Int64 = 1_000_000_000_000_000
    /// A measured indicator value, in the indicator's unit (associations, jobs, %, days…).
    public static let measurement: ClosedRange<Double> = 0...1_000_000_000_000
    /// People a report says its project reached (beneficiaries).
    public static let people: ClosedRange<Int> = 0...10_000_000
}

/// Checks of numbers read from forms, JSON and query strings: finite, within a documented range.
public enum NumberCheck {
    /// A decimal number: nil when missing and not required; NaN and infinities are refused.
    public static func decimal(
        _ value: Double?, field: String, range: ClosedRange<Double>, required: Bool = true
    ) -> FieldError? {
        guard let value else { return required ? FieldError(field, "validation.required") : nil }
        guard value.isFinite else { return FieldError(field, "validation.finite") }
        guard range.contains(value) else {
            return FieldError(field, "validation.decimal_range", SafeNumber.plainText(range.lowerBound),
                              SafeNumber.plainText(range.upperBound))
        }
        return nil
    }

    /// A decimal number typed by a person: Latin or Arabic-Indic digits, `.` or `,` (or `٫`) as the decimal
    /// mark, an optional sign. Exponents, hexadecimal, `inf` and `nan` (which `Double("…")` accepts) are not
    /// numbers here. Returns nil for anything else.
    public static func parseDecimal(_ raw: String) -> Double? {
        let text = ArabicText.latinDigits(raw.trimmingCharacters(in: .whitespaces))
            .replacingOccurrences(of: "\u{066B}", with: ".").replacingOccurrences(of: ",", with: ".")
        guard text.utf8.count <= 40 else { return nil }
        var digits = 0, points = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": points += 1
            case "-" where index == 0, "+" where index == 0: continue
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

/// Conversions and sums on stored numbers that never trap: a bad value shows as a dash, not a dead process.
public enum SafeNumber {
    /// A number as plain text: whole numbers without a decimal point; a non-finite value as "—".
    public static func plainText(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), let whole = Int64(exactly: value) { return String(whole) }
        return String(value)
    }

    /// `ratio` as a whole percentage, limited to `0...cap`; nil for a missing or non-finite ratio.
    public static func percent(_ ratio: Double?, cap: Int = 100) -> Int? {
        guard let ratio, ratio.isFinite else { return nil }
        let percent = (ratio * 100).rounded()
        guard percent > 0 else { return 0 }
        return percent >= Double(cap) ? cap : Int(percent)
    }

    /// The whole number nearest to `value`, or nil when it is not finite or does not fit.
    public static func integer(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        return Int(exactly: value.rounded())
    }

    /// The sum, or nil when it would overflow.
    public static func sum<S: Sequence>(_ values: S) -> S.Element? where S.Element: FixedWidthInteger {
        var total: S.Element = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = next
        }
        return total
    }
}
