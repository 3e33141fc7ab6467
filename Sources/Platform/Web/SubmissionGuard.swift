import Crypto
import Fluent
import Vapor

/// Does a signed-in person's submission once, however many times it arrives.
///
/// A page form carries a one-time `_form_id` (``FormGuardTag``); an API client may send an `Idempotency-Key`
/// header (the IETF draft "The Idempotency-Key HTTP Header Field"). The first request claims the id with a
/// row under a unique key; a repeat waits for the first one's answer and gets it again (`Idempotent-Replayed:
/// true`): one difficulty, one report, one pledge. A refused or failed submission releases its claim, so that
/// the corrected form can be sent again. An API key sent again with another request is refused (422); a page
/// form sent again with other values is a new submission.
public struct SubmissionGuard: AsyncMiddleware {
    public static let formField = "_form_id"
    static let header = "Idempotency-Key"
    /// Answers larger than this are not kept (the repeat then runs again and meets the room's own checks).
    static let largestKeptBody = 256 * 1024
    /// How long a repeat waits for the first submission to finish.
    static let patience: Duration = .seconds(10)
    /// Submissions are remembered this long.
    public static let memory: TimeInterval = 24 * 3600

    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method), let user = request.currentUser,
              let key = Self.key(of: request) else {
            return try await next.respond(to: request)
        }
        let fingerprint = Self.fingerprint(of: request)
        let claim = FormSubmission(scope: user.id.uuidString, key: key, fingerprint: fingerprint, at: request.now)
        do {
            try await claim.create(on: request.db)
        } catch where request.application.isUniqueViolation(error) {
            return try await repeatOf(key: key, scope: user.id.uuidString, fingerprint: fingerprint, request: request,
                                      next: next)
        }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await claim.delete(on: request.db)
            throw error
        }
        try await keep(response, in: claim, on: request.db)
        return response
    }

    private func repeatOf(
        key: String, scope: String, fingerprint: String, request: Request, next: any AsyncResponder
    ) async throws -> Response {
        let clock = ContinuousClock(), deadline = clock.now.advanced(by: Self.patience)
        while true {
            guard let first = try await FormSubmission.query(on: request.db).filter(\.$scope == scope)
                .filter(\.$key == key).first()
            else {
                // The first one failed and let go: this one is a submission of its own.
                return try await respond(to: request, chainingTo: next)
            }
            guard first.fingerprint == fingerprint else {
                if request.isAPI { throw PlatformError.idempotencyKeyReused }
                return try await next.respond(to: request)
            }
            if first.state == .done { return first.replay() }
            guard clock.now < deadline else { throw PlatformError.submissionInProgress }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    private func keep(_ response: Response, in claim: FormSubmission, on db: any Database) async throws {
        let body = response.body.buffer.map { Data(buffer: $0) }
        guard (200..<400).contains(response.status.code), (body?.count ?? 0) <= Self.largestKeptBody,
              response.body.buffer != nil || response.body.count == 0
        else {
            try await claim.delete(on: db)
            return
        }
        claim.state = .done
        claim.status = Int(response.status.code)
        claim.location = response.headers.first(name: .location)
        claim.contentType = response.headers.first(name: .contentType)
        claim.body = body
        try await claim.update(on: db)
    }

    /// `form:<id>` or `api:<key>`, or nil when the request carries neither (or a malformed one).
    static func key(of request: Request) -> String? {
        if request.isAPI {
            guard let raw = request.headers.first(name: header), (1...255).contains(raw.utf8.count),
                  raw.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else { return nil }
            return "api:" + raw
        }
        guard let raw = try? request.content.get(String.self, at: formField), (16...128).contains(raw.utf8.count),
              raw.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") })
        else { return nil }
        return "form:" + raw
    }

    /// Method, path and body: a repeat is the same request.
    static func fingerprint(of request: Request) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)\n".utf8))
        if let body = request.body.data { hasher.update(data: Data(buffer: body)) }
        return hasher.finalize().hex
    }

    /// Forgets submissions older than ``memory``.
    public static func purge(now: Date, on db: any Database) async throws {
        try await FormSubmission.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-memory)).delete()
    }
}
