import Foundation
import Vapor

/// Page forms decoded like API bodies.
///
/// A form's fields carry the API's names, nested with brackets where the API nests (`title[ar]`,
/// `jobs_created_breakdown[sex][f]`, `domains[]`). The fields become a JSON object of texts, decoded by the
/// API's decoder (``JSONKeys``): a form whose fields are all texts decodes straight into the API's input; one
/// with numbers or amounts decodes into a `…Form` of texts, which turns them into the input and reports every
/// field that is not a number, by the API's field name.
extension Request {
    /// The posted `application/x-www-form-urlencoded` form as `F`; a body that is not such a form is an empty one.
    public func form<F: Decodable>(_ type: F.Type) throws -> F {
        let body = self.body.data.map { String(buffer: $0) } ?? ""
        let fields = headers.contentType == .urlEncodedForm ? FormFields.parse(body) : [:]
        let json = try JSONSerialization.data(withJSONObject: fields)
        return try JSONKeys.decoder().decode(F.self, from: json)
    }
}

/// The fields of a urlencoded form as nested JSON-ready values (texts, lists and objects of them).
enum FormFields {
    static func parse(_ body: String) -> [String: Any] {
        var root: [String: Any] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(decode)
            guard let name = parts.first, !name.isEmpty, !name.hasPrefix("_") else { continue }
            insert(parts.count > 1 ? parts[1] : "", at: path(of: name), into: &root)
        }
        return root
    }

    private static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    /// `a[b][]` → ["a", "b", ""].
    static func path(of name: String) -> [String] {
        guard let open = name.firstIndex(of: "[") else { return [name] }
        var path = [String(name[..<open])]
        var rest = name[open...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            path.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return path
    }

    private static func insert(_ value: String, at path: [String], into object: inout [String: Any]) {
        guard let key = path.first else { return }
        let rest = Array(path.dropFirst())
        if rest.isEmpty {
            object[key] = value
        } else if rest == [""] {
            object[key] = (object[key] as? [String] ?? []) + [value]
        } else {
            var child = object[key] as? [String: Any] ?? [:]
            insert(value, at: rest, into: &child)
            object[key] = child
        }
    }
}
