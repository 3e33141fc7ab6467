import Fluent
import Vapor

/// A submitted form id or `Idempotency-Key`, with the first answer once it is known.
final class FormSubmission: Model, @unchecked Sendable {
    static let schema = "form_submissions"

    enum State: String, Codable, Sendable {
        case pending, done
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "scope") var scope: String
    @Field(key: "submission_key") var key: String
    @Field(key: "fingerprint") var fingerprint: String
    @Enum(key: "state") var state: State
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "body") var body: Data?

    init() {}

    init(scope: String, key: String, fingerprint: String, at now: Date) {
        self.scope = scope
        self.key = key
        self.fingerprint = fingerprint
        self.state = .pending
        self.createdAt = now
    }

    /// The stored answer, marked as a replay.
    func replay() -> Response {
        var headers = HTTPHeaders()
        if let location { headers.replaceOrAdd(name: .location, value: location) }
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        let status = HTTPResponseStatus(statusCode: status ?? 200)
        return Response(status: status, headers: headers, body: body.map { .init(data: $0) } ?? .empty)
    }
}
