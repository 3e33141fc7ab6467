import Leaf
import LeafKit
import Vapor

/// The plural category of a count in a language (CLDR rules for whole numbers): Arabic has six (zero is written
/// like `other` here: "0 مشروع"), French and English two (French puts 0 and 1 in `one`). A plural text has one
/// catalog key per category, `<key>.one`, `.two`, `.few`, `.many`, `.other`, in every language (French and
/// English repeat `other` for `two`, `few` and `many`).
public enum PluralCategory: String, CaseIterable, Sendable {
    case one, two, few, many, other

    public static func of(_ count: Int, in language: SiteLanguage) -> PluralCategory {
        let n = count.magnitude
        switch language {
        case .ar:
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(n % 100) { return .few }
            if (11...99).contains(n % 100) { return .many }
            return .other
        case .fr: return n <= 1 ? .one : .other
        case .en: return n == 1 ? .one : .other
        }
    }
}

extension Catalog {
    /// `key.<category>` for `count`, `{1}` being the count as the language writes it, then `arguments`.
    public func plural(_ key: String, count: Int, in language: SiteLanguage, arguments: [String] = []) -> String {
        text(key + "." + PluralCategory.of(count, in: language).rawValue, in: language,
             arguments: [NumberText.integer(count, in: language)] + arguments)
    }
}

/// `#tn("key", count)` or `#tn("key", count, arg2…)`: the plural form of `key` for `count` (``PluralCategory``).
struct PluralTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count >= 2, let key = ctx.parameters[0].string, let count = ctx.parameters[1].int else {
            throw LeafError(.unknownError("#tn() needs a catalog key and a count"))
        }
        guard let request = ctx.request else { return .string(key) }
        let rest = ctx.parameters.dropFirst(2).map { $0.string ?? "" }
        return .string(request.application.catalog.plural(key, count: count, in: request.language, arguments: rest))
    }
}

extension Request {
    /// The plural form of `key` for `count` in this request's language.
    public func tn(_ key: String, _ count: Int, _ arguments: String...) -> String {
        application.catalog.plural(key, count: count, in: language, arguments: arguments)
    }
}
