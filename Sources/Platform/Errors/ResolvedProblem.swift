import Fluent
import Vapor

/// An error reduced to what a client is shown: status, stable code, translated message and field errors.
struct ResolvedProblem {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var fields: [ProblemField]
    var headers: HTTPHeaders

    init(error: any Error, request: Request) {
        let catalog = request.application.catalog
        let language = request.language
        func text(_ key: String, _ arguments: [String] = []) -> String {
            catalog.sentence(key, in: language, arguments: arguments)
        }
        headers = [:]
        fields = []
        switch error {
        case let known as any ShabakaError:
            status = known.status
            code = known.code
            message = text(known.messageKey, known.localizedArguments { text($0) })
            fields = known.fieldErrors.map { ProblemField(field: $0.field, message: text($0.key, $0.arguments)) }
            headers = known.extraHeaders
        case let decoding as DecodingError:
            (status, code, message, fields) = Self.describe(decoding, text: text)
        case _ where request.application.isUniqueViolation(error):
            // Two people did the same thing at once (the same slug, period or phase): the second one is told so.
            status = .conflict
            code = "platform.changed_meanwhile"
            message = text("error.workflow.changed_meanwhile")
        case let abort as any AbortError:
            status = abort.status
            code = "http.\(abort.status.code)"
            let key = "error.status.\(abort.status.code)"
            message = catalog.has(key, in: language) ? text(key) : text("error.generic")
            headers = abort.headers
        default:
            status = .internalServerError
            code = "internal"
            message = text("error.internal")
        }
    }

    private static func describe(
        _ error: DecodingError, text: (String, [String]) -> String
    ) -> (HTTPResponseStatus, String, String, [ProblemField]) {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            (codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
                .joined(separator: ".")
        }
        let field: ProblemField
        switch error {
        case .keyNotFound(let key, let context):
            field = ProblemField(field: path(context.codingPath, key), message: text("validation.required", []))
        case .valueNotFound(_, let context):
            field = ProblemField(field: path(context.codingPath), message: text("validation.required", []))
        case .typeMismatch(let type, let context):
            let expected = Self.typeName(type)
            field = ProblemField(field: path(context.codingPath),
                                 message: text("validation.wrong_type", [text("type." + expected, [])]))
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return (.badRequest, "platform.malformed_body", text("error.malformed_body", []), [])
        case .dataCorrupted(let context):
            field = ProblemField(field: path(context.codingPath), message: text("validation.invalid", []))
        @unknown default:
            return (.badRequest, "platform.malformed_body", text("error.malformed_body", []), [])
        }
        return (.unprocessableEntity, "validation.failed", text("error.validation", []), [field])
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type, is Double.Type, is Decimal.Type: "number"
        case is Bool.Type: "boolean"
        default: String(describing: type).hasPrefix("Array") ? "array" : "object"
        }
    }

    func jsonResponse() -> Response {
        let body = ProblemDocument(
            type: "urn:shabaka:problem:" + code, title: message, status: Int(status.code), code: code,
            detail: message, errors: fields
        )
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json; charset=utf-8")
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}

extension Application {
    private struct UniqueViolationKey: StorageKey {
        typealias Value = @Sendable (any Error) -> Bool
    }

    /// Whether a database error is a unique-key violation (two people created the same thing at once); the app sets
    /// it for its driver. Other constraint failures stay server errors (500), logged.
    public var isUniqueViolation: @Sendable (any Error) -> Bool {
        get { storage[UniqueViolationKey.self] ?? { _ in false } }
        set { storage[UniqueViolationKey.self] = newValue }
    }
}
