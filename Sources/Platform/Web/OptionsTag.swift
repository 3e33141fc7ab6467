import Leaf
import LeafKit
import Vapor

/// `#options(list)`: the `<option>` elements of a `<select>` from a list of `{value, label, selected}`, built in
/// Swift (escaped here) instead of a template loop; long lists such as the 58 wilayas render in one step.
public struct OptionsTag: UnsafeUnescapedLeafTag {
    public func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1, let options = ctx.parameters[0].array else {
            throw LeafError(.unknownError("#options() needs a list of {value, label, selected}"))
        }
        let html = Self.html(options.compactMap { option in
            option.dictionary.map { ($0["value"]?.string ?? "", $0["label"]?.string ?? "", $0["selected"]?.bool == true) }
        })
        return .string(html)
    }

    /// `<option>` elements, escaped: what the tag writes, for pages that pass their lists already written.
    public static func html(_ options: [(value: String, label: String, selected: Bool)]) -> String {
        var html = ""
        html.reserveCapacity(options.count * 64)
        for option in options {
            html += "<option value=\""
            html += option.value.htmlEscaped()
            html += option.selected ? "\" selected>" : "\">"
            html += option.label.htmlEscaped()
            html += "</option>"
        }
        return html
    }
}
