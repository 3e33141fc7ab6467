import Foundation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// `Resources/OpenAPI/openapi.json` against the running app: every registered `/api/v1` route is described and every
/// described operation is registered; every operation, called on the demo data anonymously and as a coordinator,
/// answers with a status the document lists, and every JSON answer of a read validates against its schema; the
/// served document is the file, and the browsable page lists every operation.
@Suite("The API's OpenAPI description")
struct OpenAPITests {
    static let methods = ["get", "post", "put", "patch", "delete"]

    static func document() throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "Resources/OpenAPI/openapi.json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// `GET /api/v1/events/{id}` for every operation of the document.
    static func described(_ document: JSONValue) -> Set<String> {
        var operations = Set<String>()
        for (path, item) in document["paths"]?.object ?? [:] {
            for method in methods where item[method] != nil { operations.insert("\(method.uppercased()) \(path)") }
        }
        return operations
    }

    static func registered(_ app: Application) -> Set<String> {
        Set(app.routes.all.filter { $0.path.count >= 2 && $0.path[0].description == "api" && $0.path[1].description == "v1" }
            .map { route in
                "\(route.method.rawValue) /" + route.path.map { component in
                    let text = component.description
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }.joined(separator: "/")
            })
    }

    @Test func everyRegisteredRouteIsDescribedAndEveryDescribedOneIsRegistered() async throws {
        let document = try Self.document()
        #expect(document["openapi"]?.string == "3.1.0")
        try await withShabaka { app in
            let registered = Self.registered(app), described = Self.described(document)
            #expect(registered.count > 150)
            #expect(registered.subtracting(described).isEmpty, "not described: \(registered.subtracting(described).sorted())")
            #expect(described.subtracting(registered).isEmpty, "described, not registered: \(described.subtracting(registered).sorted())")
        }
    }

    @Test func everyOperationAnswersAStatusTheDocumentListsAndReadsMatchTheirSchemas() async throws {
        let document = try Self.document()
        try await withShabaka(demo: true) { app in
            try await makeUser(app, email: "coordinator@example.org", name: "منسقة", roles: [.coordinator])
            let api = TestAPI(app)
            var problems: [String] = []
            var validated = 0
            for (path, item) in (document["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
                for method in Self.methods {
                    guard let operation = item[method] else { continue }
                    let listed = Set((operation["responses"]?.object ?? [:]).keys)
                    let concrete = Self.fill(path)
                    for who in [nil, "coordinator@example.org"] as [String?] {
                        // the coordinator's own token and account stay for the rest of the run
                        if who != nil && Self.endsTheSession.contains("\(method.uppercased()) \(path)") { continue }
                        let body: String? = method == "get" || method == "delete" ? nil : "{}"
                        let answer = try await api.call(HTTPMethod(rawValue: method.uppercased()), concrete, as: who, json: body)
                        let status = String(answer.status.code)
                        if !listed.contains(status) && !listed.contains("default") {
                            problems.append("\(method.uppercased()) \(concrete) as \(who ?? "anonymous"): \(status) not in \(listed.sorted())")
                            continue
                        }
                        guard method == "get", answer.status == .ok,
                              answer.headers.contentType?.subType == "json",
                              let schema = Self.schema(operation, status: status, in: document) else { continue }
                        let value = try JSONDecoder().decode(JSONValue.self, from: Data(answer.body.readableBytesView))
                        var errors: [String] = []
                        Self.validate(value, against: schema, at: "$", document: document, errors: &errors)
                        validated += 1
                        problems += errors.prefix(3).map { "GET \(concrete) as \(who ?? "anonymous"): \($0)" }
                    }
                }
            }
            #expect(problems.isEmpty, "\(problems.count) answers differ from the document:\n\(problems.prefix(40).joined(separator: "\n"))")
            #expect(validated > 40, "only \(validated) answers were checked against their schema")
        }
    }

    @Test func theServedDocumentIsTheFileAndThePageListsEveryOperation() async throws {
        let document = try Self.document()
        try await withShabaka { app in
            let served = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(served.status == .ok && served.headers.contentType == .json)
            #expect(try JSONDecoder().decode(JSONValue.self, from: Data(served.body.readableBytesView)) == document)
            let redirect = try await app.testing().sendRequest(.GET, "/api/docs", headers: ["Accept-Language": "fr"])
            #expect(redirect.status == .seeOther && redirect.headers.first(name: .location) == "/fr/api/docs")
            for language in ["ar", "fr", "en"] {
                let index = try await app.testing().sendRequest(.GET, "/\(language)/api/docs")
                #expect(index.status == .ok && !index.body.string.contains("<script"))
                var rooms: [String: String] = [:]
                for (_, item) in document["paths"]?.object ?? [:] {
                    for method in Self.methods {
                        guard let operation = item[method], let id = operation["operationId"]?.string,
                              let tag = operation["tags"]?.array?.first?.string else { continue }
                        // listed on the index, described on its room's page
                        #expect(index.body.string.contains("#\(id)\""), "\(id)")
                        if rooms[tag] == nil {
                            rooms[tag] = try await app.testing().sendRequest(.GET, "/\(language)/api/docs/\(tag.lowercased())").body.string
                        }
                        #expect(rooms[tag]?.contains("id=\"\(id)\"") == true, "\(language): \(id) is not on its room's page")
                    }
                }
                let schemas = try await app.testing().sendRequest(.GET, "/\(language)/api/docs/schemas")
                for name in (document["components"]?["schemas"]?.object ?? [:]).keys {
                    #expect(schemas.body.string.contains("id=\"schema-\(name)\""), "\(name)")
                }
                #expect(try await app.testing().sendRequest(.GET, "/\(language)/api/docs/nothing").status == .notFound)
            }
        }
    }

    // MARK: helpers

    static let endsTheSession: Set<String> = ["DELETE /api/v1/me", "DELETE /api/v1/auth/tokens/current"]

    /// A path with its parameters filled: ids that name nothing (the document must list the 404), numbers, codes.
    static func fill(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            guard part.hasPrefix("{") else { return String(part) }
            switch part {
            case "{number}": return "1"
            case "{code}": return "XXXX-XXXX-XXXX"
            default: return UUID().uuidString
            }
        }.joined(separator: "/")
    }

    static func schema(_ operation: JSONValue, status: String, in document: JSONValue) -> JSONValue? {
        var answer = operation["responses"]?[status]
        if let reference = answer?["$ref"]?.string { answer = lookup(reference, in: document) }
        return answer?["content"]?["application/json"]?["schema"]
    }

    static func lookup(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    /// The parts of JSON Schema the document uses: `$ref`, `type` (one or a list), `enum`, `const`, `properties`,
    /// `required`, `items`, `additionalProperties`, `oneOf`/`anyOf`/`allOf`.
    static func validate(_ value: JSONValue, against schema: JSONValue, at path: String, document: JSONValue,
                         errors: inout [String]) {
        if let reference = schema["$ref"]?.string {
            guard let target = lookup(reference, in: document) else { errors.append("\(path): unknown \(reference)"); return }
            validate(value, against: target, at: path, document: document, errors: &errors)
            return
        }
        if let all = schema["allOf"]?.array {
            for part in all { validate(value, against: part, at: path, document: document, errors: &errors) }
        }
        if let choices = (schema["oneOf"] ?? schema["anyOf"])?.array {
            let fits = choices.contains { choice in
                var trial: [String] = []
                validate(value, against: choice, at: path, document: document, errors: &trial)
                return trial.isEmpty
            }
            if !fits { errors.append("\(path): fits none of its \(choices.count) choices") }
        }
        if let values = schema["enum"]?.array, !values.contains(value) { errors.append("\(path): \(value) not in its enum") }
        let types = schema["type"]?.array?.compactMap(\.string) ?? schema["type"]?.string.map { [$0] } ?? []
        if !types.isEmpty && !types.contains(where: { kind($0, value) }) {
            errors.append("\(path): \(describe(value)) where \(types.joined(separator: "|")) is described")
            return
        }
        switch value {
        case .object(let members):
            for key in schema["required"]?.array?.compactMap(\.string) ?? [] where members[key] == nil {
                errors.append("\(path): required \(key) is missing")
            }
            let properties = schema["properties"]?.object ?? [:]
            for (key, member) in members {
                if let property = properties[key] {
                    validate(member, against: property, at: "\(path).\(key)", document: document, errors: &errors)
                } else if let extra = schema["additionalProperties"], extra.object != nil {
                    validate(member, against: extra, at: "\(path).\(key)", document: document, errors: &errors)
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated().prefix(50) {
                    validate(item, against: itemSchema, at: "\(path)[\(index)]", document: document, errors: &errors)
                }
            }
        default: break
        }
    }

    static func kind(_ type: String, _ value: JSONValue) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
             ("number", .number): return true
        case ("integer", .number(let number)): return number == number.rounded()
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string(let text): "the string \(text.prefix(30).debugDescription)"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
