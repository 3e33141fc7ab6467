import Fluent
import Platform
import SQLKit
import Vapor

/// The filters of the people list, the same on the experts page and in `GET /api/v1/people`: `q`, `kind` (one
/// kind or several separated by commas), `domain`, `wilaya`.
public struct PeopleFilter: Sendable {
    public var query = ""
    /// Empty: every kind.
    public var kinds: Set<PersonProfileKind> = []
    public var domain: String?
    public var wilaya: String?

    public init() {}

    /// Reads and checks the filters (an unknown value is a 422 naming its field); `kinds` when `kind` is absent.
    static func from(_ request: Request, defaultKinds: Set<PersonProfileKind> = []) async throws -> PeopleFilter {
        var errors: [FieldError] = []
        var filter = PeopleFilter()
        filter.query = try SearchText.read(request)
        if let raw = request.query[String.self, at: "kind"], !raw.isEmpty {
            let kinds = raw.split(separator: ",").map { PersonProfileKind(rawValue: String($0)) }
            if kinds.contains(nil) { errors.append(FieldError("kind", "validation.invalid_choice")) }
            filter.kinds = Set(kinds.compactMap { $0 })
        } else {
            filter.kinds = defaultKinds
        }
        let reference = try await request.referenceData()
        if let raw = request.query[String.self, at: "domain"], !raw.isEmpty {
            if reference.domainCodes.contains(raw) { filter.domain = raw }
            else { errors.append(FieldError("domain", "validation.invalid_choice")) }
        }
        if let raw = request.query[String.self, at: "wilaya"], !raw.isEmpty {
            if reference.wilayaCodes.contains(raw) { filter.wilaya = raw }
            else { errors.append(FieldError("wilaya", "validation.invalid_choice")) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    /// The filters as query parameters (pagination links keep them).
    public var parameters: [String: String] {
        ["q": query, "kind": kinds.map(\.rawValue).sorted().joined(separator: ","), "domain": domain ?? "",
         "wilaya": wilaya ?? ""]
    }
}
