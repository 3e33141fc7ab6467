import Leaf
import LeafKit
import Vapor

/// `#tk(prefix, value)`: the key `prefix.value` in the request's language, for enum values such as roles;
/// `#tk(prefix, value, sex)` for a label about a person, in the form that agrees with their sex (`PersonSex`).
struct TranslateComposedKeyTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard (2...3).contains(ctx.parameters.count), let prefix = ctx.parameters[0].string,
              let value = ctx.parameters[1].string else {
            throw LeafError(.unknownError("#tk() needs a prefix and a value (and a person's sex)"))
        }
        guard let request = ctx.request else { return .string(prefix + "." + value) }
        let sex = ctx.parameters.count == 3 ? ctx.parameters[2].string.flatMap(PersonSex.init(rawValue:)) : nil
        return .string(request.application.catalog.text(prefix + "." + value, for: sex, in: request.language))
    }
}
