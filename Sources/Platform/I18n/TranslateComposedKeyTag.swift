import Leaf
import LeafKit
import Vapor

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
