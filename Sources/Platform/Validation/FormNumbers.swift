import ArabicText
import Foundation

/// Numbers typed in page forms: counts, and amounts in currency units ("1500000", "1 500 000,50",
/// "1,500,000.50", "١٥٠٠٠٠٠"). Digits of any script are read; anything else is a field error, never a guess.
public enum FormNumbers {
    /// Counts typed in a form: 0 to 10,000,000 (each field's own range is checked after).
    public static let maximum = 10_000_000
    /// The largest amount a form accepts, in currency units.
    public static let maximumAmount: Decimal = 1_000_000_000_000

    /// A whole number; an empty field gives `value`, or a "required" error without one.
    public static func integer(
        _ raw: String, field: String, default value: Int? = nil, into errors: inout [FieldError]
    ) -> Int? {
        let text = ArabicText.latinDigits(raw.filter { !$0.isWhitespace })
        if text.isEmpty {
            if value == nil { errors.append(FieldError(field, "validation.required")) }
            return value
        }
        guard let number = Int(text) else {
            errors.append(FieldError(field, "validation.number"))
            return value
        }
        guard (0...maximum).contains(number) else {
            errors.append(FieldError(field, "validation.range", "0", "\(maximum)"))
            return value
        }
        return number
    }

    /// An amount in currency units, as minor units (centimes).
    public static func minor(_ raw: String, field: String, into errors: inout [FieldError]) -> Int64? {
        var text = ArabicText.latinDigits(raw.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{066C}" })
            .replacingOccurrences(of: "\u{066B}", with: ".")
        if text.isEmpty {
            errors.append(FieldError(field, "validation.required"))
            return nil
        }
        func matches(_ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }
        if matches(#"^\d{1,3}(,\d{3})+(\.\d{1,2})?$"#) {
            text = text.replacingOccurrences(of: ",", with: "")
        } else if matches(#"^\d{1,3}(\.\d{3})+(,\d{1,2})?$"#) {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if matches(#"^\d+([.,]\d{1,2})?$"#) {
            text = text.replacingOccurrences(of: ",", with: ".")
        } else {
            errors.append(FieldError(field, "validation.number"))
            return nil
        }
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            errors.append(FieldError(field, "validation.number"))
            return nil
        }
        guard decimal <= maximumAmount else {
            errors.append(FieldError(field, "validation.range", "0", "1000000000000"))
            return nil
        }
        var cents = decimal * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &cents, 0, .plain)
        return Int64(truncating: rounded as NSDecimalNumber)
    }
}
