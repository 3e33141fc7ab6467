import Foundation
import Platform

/// The measurement form, with the API's field names (`period`, `value`, `breakdown[sex][f]`…, `source`); the
/// numbers are typed, so they are read here (Latin or Arabic digits, `.` or `,`).
struct MeasurementForm: Decodable {
    var period: String?
    var value: String?
    var breakdown: [String: [String: String]]?
    var source: String?

    /// The API's input: a number that cannot be read is NaN, which the service refuses with "enter a number".
    var input: MeasurementInput {
        func number(_ text: String) -> Double { NumberCheck.parseDecimal(text) ?? .nan }
        let typed = (value ?? "").trimmingCharacters(in: .whitespaces)
        let parts = (breakdown ?? [:]).mapValues { values in
            values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }.mapValues(number)
        }.filter { !$0.value.isEmpty }
        return MeasurementInput(period: period, value: typed.isEmpty ? nil : number(typed), breakdown: parts,
                                source: source)
    }
}
