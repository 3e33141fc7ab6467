import Leaf
import LeafKit
import Vapor

/// A person's sex, when they gave it (it is optional everywhere). Labels about the person agree with it:
/// خبير / خبيرة, expert / experte. Unknown, the label keeps its usual (grammatically masculine) form.
public enum PersonSex: String, CaseIterable, Codable, Sendable {
    case f, m
}

extension Catalog {
    /// The key of a label about a person: its variant for their sex, `key.f` (or `key.m`, where the usual form
    /// is a neutral `Basé(e)`), when the catalogs have one, else `key` itself. The one place gendered labels are
    /// chosen (`#tk(prefix, value, sex)`, `#tg(key, sex, …)`, `Request.t(_:for:_:)`).
    public func genderedKey(_ key: String, for sex: PersonSex?, in language: SiteLanguage) -> String {
        guard let sex else { return key }
        let variant = key + "." + sex.rawValue
        return has(variant, in: language) || has(variant, in: .default) ? variant : key
    }

    /// A label about a person in their sex's form (see `genderedKey`).
    public func text(_ key: String, for sex: PersonSex?, in language: SiteLanguage, arguments: [String] = []) -> String {
        text(genderedKey(key, for: sex, in: language), in: language, arguments: arguments)
    }
}

extension Request {
    /// Translates a label about a person in the form that agrees with their sex (see `Catalog.genderedKey`).
    public func t(_ key: String, for sex: PersonSex?, _ arguments: String...) -> String {
        application.catalog.text(key, for: sex, in: language, arguments: arguments)
    }
}

/// `#tg("key", sex, arg1, …)`: like `#t`, for a label about a person whose sex (`"f"`, `"m"` or nothing) is given.
struct TranslateGenderedTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count >= 2, let key = ctx.parameters[0].string else {
            throw LeafError(.unknownError("#tg() needs a catalog key and a sex"))
        }
        guard let request = ctx.request else { return .string(key) }
        let sex = ctx.parameters[1].string.flatMap(PersonSex.init(rawValue:))
        let arguments = ctx.parameters.dropFirst(2).map { $0.string ?? "" }
        return .string(request.application.catalog.text(key, for: sex, in: request.language, arguments: Array(arguments)))
    }
}
