import Leaf
import LeafKit
import Vapor

/// `#t("key")` or `#t("key", arg1, arg2)` in templates: the key in the request's language. An argument that is a
/// calendar day (`yyyy-MM-dd`) is written in words (``DateText``).
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t() needs a catalog key"))
        }
        guard let request = ctx.request else { return .string(key) }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(request.application.catalog.sentence(key, in: request.language, arguments: Array(arguments)))
    }
}

extension Application {
    /// Registers Shabaka's template tags.
    public func registerLeafTags() {
        leaf.tags["t"] = TranslateTag()
        leaf.tags["tk"] = TranslateComposedKeyTag()
        leaf.tags["tg"] = TranslateGenderedTag()
        leaf.tags["options"] = OptionsTag()
        leaf.tags["formGuard"] = FormGuardTag()
        leaf.tags["actor"] = ActorTag()
        leaf.tags["tn"] = PluralTag()
        leaf.tags["period"] = PeriodTag()
        leaf.tags["day"] = DateTag(withTime: false)
        leaf.tags["moment"] = DateTag(withTime: true)
        leaf.tags["number"] = NumberTag(percent: false)
        leaf.tags["percent"] = NumberTag(percent: true)
    }
}
