import Fluent
import Platform
import Vapor

/// One choice of a `<select>` or a checkbox list.
public struct ChoiceOption: Encodable, Sendable {
    let value: String
    let label: String
    let selected: Bool

    public init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
