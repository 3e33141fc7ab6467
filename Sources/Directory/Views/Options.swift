import Fluent
import Platform
import Vapor

/// The reference lists forms and filters offer, in the reader's language (from the in-memory reference data).
public enum Options {
    public static func wilayas(_ req: Request, selected: String?) async throws -> [ChoiceOption] {
        try await req.referenceData().wilayas.map {
            ChoiceOption(value: $0.code, label: "\($0.code) — \($0.name(in: req.language))", selected: $0.code == selected)
        }
    }

    public static func domains(_ req: Request, selected: Set<String>) async throws -> [ChoiceOption] {
        try await req.referenceData().domains.map {
            ChoiceOption(value: $0.code, label: $0.name.resolve(in: req.language).text, selected: selected.contains($0.code))
        }
    }

    static func kinds(_ req: Request, selected: String?) -> [ChoiceOption] {
        ChoiceOption.cases(OrganizationKind.self, key: "organization.kind", selected: selected, req)
    }

    public static func domainNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await req.referenceData().domains.map {
            ($0.code, $0.name.resolve(in: req.language).text)
        })
    }

    public static func wilayaNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await req.referenceData().wilayas.map { ($0.code, $0.name(in: req.language)) })
    }
}
