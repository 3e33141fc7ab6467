import Platform

/// A delivery against a pledge: `delivered_on`, `value_minor` typed in currency units, `note`.
struct DeliveryForm: InputForm {
    var deliveredOn: String?
    var valueMinor: String?
    var note: String?

    func input() -> (DeliveryInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = DeliveryInput()
        input.deliveredOn = deliveredOn
        input.valueMinor = FormNumbers.minor(valueMinor ?? "", field: "value_minor", into: &errors)
        input.note = note
        return (input, errors)
    }
}
