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

    /// An amount in minor units as the reader writes it: `1,234,567.50 DZD` in English, `1 234 567,50 DA` in
    /// French, `1 234 567,50 دج` in Arabic (Latin digits, as in Algerian administration).
    static func money(_ minor: Int64, _ currency: String, _ req: Request) -> String {
        let english = req.language == .en
        let units = String(minor / 100), cents = abs(minor % 100)
        var grouped = ""
        for (offset, digit) in units.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, digit != "-" { grouped = (english ? "," : "\u{202F}") + grouped }
            grouped = String(digit) + grouped
        }
        let symbol = req.t("currency." + currency)
        return cents == 0 ? "\(grouped) \(symbol)" : "\(grouped)\(english ? "." : ",")\(String(format: "%02d", cents)) \(symbol)"
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

/// Numbers typed in forms: whole numbers, and amounts in currency units ("1500000" or "1 500 000,50").
enum WebNumbers {
    /// Form integers are counts: 0 to 10,000,000.
    static let maximum = 10_000_000

    static func integer(_ raw: String, field: String, default value: Int? = nil, into errors: inout [FieldError]) -> Int? {
        let text = raw.filter { !$0.isWhitespace }
        if text.isEmpty {
            if value == nil { errors.append(FieldError(field, "validation.required")) }
            return value
        }
        guard let number = Int(text.arabicDigitsToLatin) else {
            errors.append(FieldError(field, "validation.number"))
            return value
        }
        guard (0...maximum).contains(number) else {
            errors.append(FieldError(field, "validation.range", "0", "\(maximum)"))
            return value
        }
        return number
    }

    /// The largest amount a form accepts, in currency units.
    static let maximumAmount: Decimal = 1_000_000_000_000

    /// "1500000", "1 500 000,50", "1,500,000.50", "1.500.000,50", "١٥٠٠٠٠٠" → centimes; anything else is an error.
    static func minor(_ raw: String, field: String, into errors: inout [FieldError]) -> Int64? {
        var text = raw.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{066C}" }.arabicDigitsToLatin
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
            let amount = minor(String(parts[1]), field: "funding", into: &lineErrors)
            if let amount, lineErrors.isEmpty {
                sources.append(FundingSource(source: parts[0].trimmingCharacters(in: .whitespaces), amountMinor: amount))
            } else { errors.append(FieldError("funding", "validation.funding_line")) }
        }
        return sources
    }
}

extension String {
    /// "١٢٣" → "123" (Arabic-Indic and Eastern Arabic-Indic digits, as phones type them).
    var arabicDigitsToLatin: String {
        String(unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0x0660...0x0669: Character(UnicodeScalar(scalar.value - 0x0660 + 48)!)
            case 0x06F0...0x06F9: Character(UnicodeScalar(scalar.value - 0x06F0 + 48)!)
            default: Character(scalar)
            }
        })
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
