import Fluent
import Platform
import Vapor

/// One choice of a `<select>` or a checkbox list.
public struct ChoiceOption: Encodable, Sendable {
    public let value: String
    let label: String
    let selected: Bool

    public init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

extension ChoiceOption {
    /// The choices as `<option>` elements (as `#options` writes them), for a page that passes them written.
    public static func html(_ options: [ChoiceOption]) -> String {
        OptionsTag.html(options.map { ($0.value, $0.label, $0.selected) })
    }

    /// Stored records as choices: their ids, labelled by a translated name in the request's language.
    public static func records<M: Model>(_ records: [M], label: (M) -> Translated, selected: String?, _ req: Request)
        -> [ChoiceOption] where M.IDValue == UUID
    {
        records.compactMap { record in
            record.id.map { ChoiceOption(value: $0.uuidString, label: label(record).resolve(in: req.language).text,
                                         selected: $0.uuidString == selected) }
        }
    }

    /// The cases of an enumeration as choices, labelled by the catalog's `<key>.<case>`.
    public static func cases<E: CaseIterable & RawRepresentable>(_ type: E.Type, key: String, selected: String?,
                                                                 _ req: Request) -> [ChoiceOption] where E.RawValue == String
    {
        E.allCases.map { ChoiceOption(value: $0.rawValue, label: req.t("\(key).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }

    /// The working languages a person or a request can name.
    public static func languages(selected: Set<String>, _ req: Request) -> [ChoiceOption] {
        PeopleService.workingLanguageList.map {
            ChoiceOption(value: $0, label: req.t("person.language." + $0), selected: selected.contains($0))
        }
    }
}
