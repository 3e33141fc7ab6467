import Foundation
import Platform

/// Field checks shared by the room's forms and API.
enum Validate {
    static func text(_ raw: String?, field: String, max: Int, required: Bool = true, into errors: inout [FieldError]) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required, value.isEmpty { errors.append(FieldError(field, "validation.required")) }
        else if value.count > max { errors.append(FieldError(field, "validation.too_long", "\(max)")) }
        return value
    }

    static func translated(_ raw: Translated?, field: String, max: Int, into errors: inout [FieldError]) -> Translated {
        var value = raw ?? Translated()
        value.ar = clean(value.ar)
        value.fr = clean(value.fr)
        value.en = clean(value.en)
        let texts = [value.ar, value.fr, value.en].compactMap { $0 }
        if texts.isEmpty { errors.append(FieldError(field, "validation.text_one_language")) }
        else if texts.contains(where: { $0.count > max }) { errors.append(FieldError(field, "validation.too_long", "\(max)")) }
        return value
    }

    static func number<N: BinaryInteger>(_ raw: N?, field: String, range: ClosedRange<N>, into errors: inout [FieldError]) -> N {
        guard let raw else {
            errors.append(FieldError(field, "validation.required"))
            return range.lowerBound
        }
        if !range.contains(raw) { errors.append(FieldError(field, "validation.range", "\(range.lowerBound)", "\(range.upperBound)")) }
        return raw
    }

    static func date(_ raw: String?, field: String, required: Bool = true, into errors: inout [FieldError]) -> String {
        if let error = ISODate.check(raw, field: field, required: required) { errors.append(error) }
        return (raw ?? "").trimmingCharacters(in: .whitespaces)
    }

    static func choice<E: RawRepresentable>(_ raw: String?, field: String, as type: E.Type, into errors: inout [FieldError]) -> E?
        where E.RawValue == String
    {
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

    private static func clean(_ raw: String?) -> String? {
        guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// A breakdown by `sex` and `age_group` whose every dimension adds up to the total.
    static func breakdown(_ raw: Breakdown?, total: Int, field: String, into errors: inout [FieldError]) -> Breakdown {
        let breakdown = raw ?? [:]
        for (dimension, values) in breakdown.sorted(by: { $0.key < $1.key }) {
            let allowed = ReportService.dimensions[dimension]
            guard let allowed, values.keys.allSatisfy(allowed.contains),
                  values.values.allSatisfy({ $0 >= 0 && $0 <= 100_000 && $0 == $0.rounded() }) else {
                errors.append(FieldError("\(field).\(dimension)", "validation.invalid_choice"))
                continue
            }
            if Int(values.values.reduce(0, +)) != total {
                errors.append(FieldError("\(field).\(dimension)", "validation.breakdown_total"))
            }
        }
        return breakdown
    }
}

extension FieldError {
    /// The same error on another field (a form's field names differ from the API's).
    func renamed(_ field: String) -> FieldError {
        var copy = self
        copy.field = field
        return copy
    }
}
