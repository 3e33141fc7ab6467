import Leaf
import LeafKit
import Vapor

/// `#options(list)`: the `<option>` elements of a `<select>` from a list of `{value, label, selected}`, built in
/// Swift (escaped here) instead of a template loop; long lists such as the 58 wilayas render in one step.
struct OptionsTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let options = ctx.parameters[0].array else {
            throw LeafError(.unknownError("#options() needs a list of {value, label, selected}"))
        }
        var html = ""
        html.reserveCapacity(options.count * 64)
        for option in options {
            guard let fields = option.dictionary else { continue }
            html += "<option value=\""
            html += (fields["value"]?.string ?? "").htmlEscaped()
            html += fields["selected"]?.bool == true ? "\" selected>" : "\">"
            html += (fields["label"]?.string ?? "").htmlEscaped()
            html += "</option>"
        }
        return .string(html)
    }
}
