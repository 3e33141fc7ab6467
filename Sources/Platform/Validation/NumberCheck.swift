import ArabicText
import Foundation

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
