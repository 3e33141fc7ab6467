import Foundation
import Vapor

/// The OpenAPI document as a page: operations grouped by tag (their method, path, summary, whether a token is
/// needed, parameters, body and answers), then the schemas with their fields. The document's own texts are English
/// (marked so on the page); the page around them is in the reader's language.
struct APIDocsPageContext: Encodable {
    struct TypeText: Encodable {
        let text: String
        /// The schema it names, for a link to it on the page.
        let schema: String?
    }

    struct Parameter: Encodable {
        let name: String
        let location: String
        let required: Bool
        let type: TypeText
        let description: String
    }

    struct Answer: Encodable {
        let status: String
        let description: String
        let type: TypeText?
    }

    struct Operation: Encodable {
        let id: String
        let method: String
        let path: String
        let summary: String
        let needsToken: Bool
        let parameters: [Parameter]
        let body: TypeText?
        let answers: [Answer]
    }

    struct Group: Encodable {
        let tag: String
        let path: String
        let operations: [Operation]
    }

    struct Field: Encodable {
        let name: String
        let required: Bool
        let type: TypeText
    }

    struct Schema: Encodable {
        let name: String
        let fields: [Field]
        let type: TypeText?
    }

    let page: PageMeta
    /// The index (every operation, one line each), a room's page, or the schemas.
    let index: Bool
    let showsSchemas: Bool
    let base: String
    /// Every room, for the links between the pages.
    let rooms: [Group]
    let title: String
    let version: String
    let description: String
    let operationCount: Int
    let groups: [Group]
    let schemas: [Schema]

    static let methods = ["get", "post", "put", "patch", "delete"]

    static func make(_ document: JSONValue, part: String?, _ req: Request) async throws -> APIDocsPageContext {
        let components = document["components"]
        var byTag: [String: [Operation]] = [:]
        for (path, item) in (document["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let shared = item["parameters"]?.array ?? []
            for method in methods {
                guard let operation = item[method] else { continue }
                let parameters = (shared + (operation["parameters"]?.array ?? [])).map { resolve($0, in: components) }
                let body = operation["requestBody"].map { resolve($0, in: components) }
                let answers = (operation["responses"]?.object ?? [:]).sorted { $0.key < $1.key }.map { status, answer in
                    let resolved = resolve(answer, in: components)
                    return Answer(status: status, description: resolved["description"]?.string ?? "",
                                  type: firstSchema(resolved["content"]).map(describe))
                }
                let tag = operation["tags"]?.array?.first?.string ?? "—"
                let security = operation["security"]?.array ?? document["security"]?.array ?? []
                byTag[tag, default: []].append(Operation(
                    id: operation["operationId"]?.string ?? "\(method)-\(path)", method: method.uppercased(), path: path,
                    summary: operation["summary"]?.string ?? "",
                    needsToken: !security.isEmpty && !security.contains { $0.object?.isEmpty == true },
                    parameters: parameters.map {
                        Parameter(name: $0["name"]?.string ?? "", location: $0["in"]?.string ?? "",
                                  required: $0["required"]?.bool ?? false,
                                  type: $0["schema"].map(describe) ?? TypeText(text: "—", schema: nil),
                                  description: $0["description"]?.string ?? "")
                    },
                    body: body.flatMap { firstSchema($0["content"]) }.map(describe), answers: answers))
            }
        }
        let base = SiteURL.apiDocs.path(in: req.language)
        let named = part == "schemas" ? components?["schemas"]?.object ?? [:] : [:]
        let schemas: [Schema] = named.sorted { $0.key < $1.key }.map { name, schema in
            let required = Set(schema["required"]?.array?.compactMap(\.string) ?? [])
            let fields = (schema["properties"]?.object ?? [:]).sorted { $0.key < $1.key }.map {
                Field(name: $0.key, required: required.contains($0.key), type: describe($0.value))
            }
            return Schema(name: name, fields: fields, type: fields.isEmpty ? describe(schema) : nil)
        }
        let info = document["info"]
        return APIDocsPageContext(
            page: try await PageMeta.make(for: req, titleKey: "apidocs.title"), index: part == nil,
            showsSchemas: part == "schemas", base: base,
            rooms: byTag.keys.sorted().map { Group(tag: $0, path: base + "/" + $0.lowercased(), operations: []) },
            title: info?["title"]?.string ?? "", version: info?["version"]?.string ?? "",
            description: info?["description"]?.string ?? "",
            operationCount: byTag.values.reduce(0) { $0 + $1.count },
            groups: byTag.sorted { $0.key < $1.key }
                .filter { part == nil || $0.key.lowercased() == part }
                .map { Group(tag: $0.key, path: base + "/" + $0.key.lowercased(), operations: $0.value) },
            schemas: schemas)
    }

    /// A `$ref` to `#/components/…` replaced by what it names (one level: enough for parameters, bodies, answers).
    static func resolve(_ value: JSONValue, in components: JSONValue?) -> JSONValue {
        guard let reference = value["$ref"]?.string, reference.hasPrefix("#/components/") else { return value }
        let parts = reference.dropFirst("#/components/".count).split(separator: "/").map(String.init)
        guard parts.count == 2, let found = components?[parts[0]]?[parts[1]] else { return value }
        return found
    }

    /// The schema of the first media type of a `content` map (JSON first).
    static func firstSchema(_ content: JSONValue?) -> JSONValue? {
        guard let media = content?.object else { return nil }
        let key = media.keys.contains("application/json") ? "application/json" : media.keys.sorted().first
        return key.flatMap { media[$0]?["schema"] }
    }

    /// A schema in a few words: a named schema, `array of …`, a type with its format, or `one of a | b`.
    static func describe(_ schema: JSONValue) -> TypeText {
        if let reference = schema["$ref"]?.string {
            let name = String(reference.split(separator: "/").last ?? "")
            return TypeText(text: name, schema: name)
        }
        if let values = schema["enum"]?.array {
            return TypeText(text: values.map { $0.string ?? "null" }.joined(separator: " | "), schema: nil)
        }
        if let choices = (schema["oneOf"] ?? schema["anyOf"])?.array {
            let parts = choices.map(describe)
            return TypeText(text: parts.map(\.text).joined(separator: " | "), schema: parts.compactMap(\.schema).first)
        }
        let types = schema["type"]?.array?.compactMap(\.string) ?? schema["type"]?.string.map { [$0] } ?? []
        if types.contains("array"), let items = schema["items"] {
            let inner = describe(items)
            return TypeText(text: "array of " + inner.text, schema: inner.schema)
        }
        if types.contains("object"), let values = schema["additionalProperties"], values.object != nil {
            let inner = describe(values)
            return TypeText(text: "map of " + inner.text, schema: inner.schema)
        }
        let format = schema["format"]?.string.map { " (\($0))" } ?? ""
        return TypeText(text: (types.isEmpty ? "any" : types.joined(separator: " | ")) + format, schema: nil)
    }
}
