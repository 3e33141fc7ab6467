import Leaf
import LeafKit
import Vapor

/// `#t("key")` or `#t("key", arg1, arg2)` in templates: the key in the request's language.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t() needs a catalog key"))
        }
        guard let request = ctx.request else { return .string(key) }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(request.application.catalog.text(key, in: request.language, arguments: Array(arguments)))
    }
}

/// `#tk(prefix, value)`: the key `prefix.value` in the request's language, for enum values such as roles.
struct TranslateComposedKeyTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 2, let prefix = ctx.parameters[0].string, let value = ctx.parameters[1].string else {
            throw LeafError(.unknownError("#tk() needs a prefix and a value"))
        }
        guard let request = ctx.request else { return .string(prefix + "." + value) }
        return .string(request.application.catalog.text(prefix + "." + value, in: request.language))
    }
}

extension Application {
    /// Registers Shabaka's template tags.
    public func registerLeafTags() {
        leaf.tags["t"] = TranslateTag()
        leaf.tags["tk"] = TranslateComposedKeyTag()
        leaf.tags["options"] = OptionsTag()
        leaf.tags["formGuard"] = FormGuardTag()
    }
}
