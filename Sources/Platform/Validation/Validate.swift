import Foundation

/// The field checks of every form, API input and import, in one place. Each either returns the field's
/// error (`…Error` functions) or collects it into a list and returns the cleaned value, so that a form and
/// its API input are validated by the same code and every problem is reported at once.
public enum Validate {
    /// Trimmed text; required unless told otherwise; at most `max` characters.
    public static func text(
        _ raw: String?, field: String, max: Int, required: Bool = true, into errors: inout [FieldError]
    ) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required, value.isEmpty { errors.append(FieldError(field, "validation.required")) }
        else if value.count > max { errors.append(FieldError(field, "validation.too_long", "\(max)")) }
        return value
    }

    /// A text in at least one of the three languages, each at most `max` characters.
    public static func translated(_ raw: Translated?, field: String, max: Int, into errors: inout [FieldError]) -> Translated {
        var value = raw ?? Translated()
        value.ar = trimmed(value.ar)
        value.fr = trimmed(value.fr)
        value.en = trimmed(value.en)
        let texts = [value.ar, value.fr, value.en].compactMap { $0 }
        if texts.isEmpty { errors.append(FieldError(field, "validation.text_one_language")) }
        else if texts.contains(where: { $0.count > max }) { errors.append(FieldError(field, "validation.too_long", "\(max)")) }
        return value
    }

    /// A required whole number within `range`.
    public static func number<N: BinaryInteger>(
        _ raw: N?, field: String, range: ClosedRange<N>, into errors: inout [FieldError]
    ) -> N {
        guard let raw else {
            errors.append(FieldError(field, "validation.required"))
            return range.lowerBound
        }
        if !range.contains(raw) {
            errors.append(FieldError(field, "validation.range", "\(range.lowerBound)", "\(range.upperBound)"))
        }
        return raw
    }

    /// A calendar date `YYYY-MM-DD`.
    public static func date(_ raw: String?, field: String, required: Bool = true, into errors: inout [FieldError]) -> String {
        if let error = ISODate.check(raw, field: field, required: required) { errors.append(error) }
        return (raw ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// One of an enumeration's raw values.
    public static func choice<E: RawRepresentable>(
        _ raw: String?, field: String, as type: E.Type, into errors: inout [FieldError]
    ) -> E? where E.RawValue == String {
        guard let raw, !raw.isEmpty else {
            errors.append(FieldError(field, "validation.required"))
            return nil
        }
        guard let value = E(rawValue: raw) else {
            errors.append(FieldError(field, "validation.invalid_choice"))
            return nil
        }
        return value
    }

    /// An e-mail address (normalised: trimmed, lower case); nil when acceptable, or when empty and optional.
    public static func emailError(_ raw: String?, field: String = "email", required: Bool = false) -> FieldError? {
        let email = User.normalize(email: raw ?? "")
        if email.isEmpty { return required ? FieldError(field, "validation.required") : nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !email.contains(where: \.isWhitespace)
        else { return FieldError(field, "validation.email") }
        return nil
    }

    /// An `http(s)` address with a host; nil when acceptable or empty.
    public static func urlError(_ raw: String?, field: String) -> FieldError? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let url = URL(string: raw), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            return FieldError(field, "validation.url")
        }
        return nil
    }

    /// A length between `min` and `max` characters once trimmed (`min > 0` makes the field required).
    public static func lengthError(_ raw: String?, field: String, min: Int = 0, max: Int) -> FieldError? {
        let count = raw?.trimmingCharacters(in: .whitespacesAndNewlines).count ?? 0
        if min > 0, count == 0 { return FieldError(field, "validation.required") }
        if count < min { return FieldError(field, "validation.too_short", "\(min)") }
        if count > max { return FieldError(field, "validation.too_long", "\(max)") }
        return nil
    }

    /// A form's choice of a record by its id: nil when left empty, an "invalid choice" error when it is no id.
    public static func id(_ raw: String?, field: String, into errors: inout [FieldError]) -> UUID? {
        guard let raw = trimmed(raw) else { return nil }
        guard let id = UUID(uuidString: raw) else {
            errors.append(FieldError(field, "validation.invalid_choice"))
            return nil
        }
        return id
    }

    /// The text trimmed, or nil when nothing is left.
    public static func trimmed(_ raw: String?) -> String? {
        guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

extension FieldError {
    /// The same error on another field (a form's field names differ from the API's).
    public func renamed(_ field: String) -> FieldError {
        var copy = self
        copy.field = field
        return copy
    }
}
