import Directory
import Fluent
import Foundation
import Platform
import Vapor

enum Choices {
    static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type, key: String, _ req: Request, selected: String?)
        -> [ChoiceOption] where E.RawValue == String
    {
        E.allCases.map { ChoiceOption(value: $0.rawValue, label: req.t("\(key).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }

    /// An amount in minor units as the reader writes it (``MoneyText``).
    static func money(_ minor: Int64, _ currency: String, _ req: Request) -> String {
        MoneyText.format(minor, currency: currency, in: req.language, catalog: req.application.catalog)
    }
}

/// One step of a procedure as pages show it: what, from which states, who may take it, whether a reason is needed.
struct ProcedureLine: Encodable {
    let action: String
    let from: String
    let roles: String
    let reason: Bool

    static func lines<State: WorkflowState>(_ workflow: Workflow<State>, _ req: Request) -> [ProcedureLine] {
        let separator = req.t("list.separator")
        return workflow.transitions.map { transition in
            ProcedureLine(
                action: transition.action,
                from: State.allCases.filter { transition.from.contains($0) }
                    .map { req.t("workflow.\(workflow.name).state.\($0.rawValue)") }.joined(separator: separator),
                roles: AccessPolicy.roles(granting: transition.permission).filter { $0 != .admin }
                    .map { req.t("role." + $0.rawValue) }.joined(separator: separator),
                reason: transition.requiresReason)
        }
    }
}

/// Funding sources typed in the project form.
enum FundingText {
    /// One source per line: `name: amount`.
    static func funding(_ raw: String, into errors: inout [FieldError]) -> [FundingSource] {
        var sources: [FundingSource] = []
        for line in raw.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                errors.append(FieldError("funding", "validation.funding_line"))
                continue
            }
            var lineErrors: [FieldError] = []
            let amount = FormNumbers.minor(String(parts[1]), field: "funding", into: &lineErrors)
            if let amount, lineErrors.isEmpty {
                sources.append(FundingSource(source: parts[0].trimmingCharacters(in: .whitespaces), amountMinor: amount))
            } else { errors.append(FieldError("funding", "validation.funding_line")) }
        }
        return sources
    }
}

extension Translated {
    /// A text typed in one language.
    init(_ language: SiteLanguage, _ text: String) {
        switch language {
        case .ar: self.init(ar: text)
        case .fr: self.init(fr: text)
        case .en: self.init(en: text)
        }
    }
}
