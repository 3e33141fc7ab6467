import Fluent
import Platform
import Vapor

/// One choice of a `<select>` or a checkbox list.
public struct ChoiceOption: Encodable, Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// The reference lists forms and filters offer, in the reader's language.
enum Options {
    static func wilayas(_ req: Request, selected: String?) async throws -> [ChoiceOption] {
        try await Wilaya.query(on: req.db).sort(\.$id).all().map {
            ChoiceOption(value: $0.id ?? "", label: "\($0.id ?? "") — \($0.name(in: req.language))", selected: $0.id == selected)
        }
    }

    static func domains(_ req: Request, selected: Set<String>) async throws -> [ChoiceOption] {
        try await Domain.query(on: req.db).sort(\.$position).all().map {
            ChoiceOption(value: $0.id ?? "", label: $0.name.resolve(in: req.language).text, selected: selected.contains($0.id ?? ""))
        }
    }

    static func kinds(_ req: Request, selected: String?) -> [ChoiceOption] {
        OrganizationKind.allCases.map {
            ChoiceOption(value: $0.rawValue, label: req.t("organization.kind." + $0.rawValue), selected: $0.rawValue == selected)
        }
    }

    static func domainNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await Domain.query(on: req.db).all().map {
            ($0.id ?? "", $0.name.resolve(in: req.language).text)
        })
    }

    static func wilayaNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await Wilaya.query(on: req.db).all().map { ($0.id ?? "", $0.name(in: req.language)) })
    }
}
