import Fluent
import Platform
import SQLKit
import Vapor

/// The directory's filters, from query parameters: `q`, `wilaya`, `kind`, `domain`, `page`, `size`.
public struct OrganizationFilter: Sendable, Equatable {
    public var query: String = ""
    public var wilaya: String?
    public var kind: OrganizationKind?
    public var domain: String?

    public init(query: String = "", wilaya: String? = nil, kind: OrganizationKind? = nil, domain: String? = nil) {
        self.query = query
        self.wilaya = wilaya
        self.kind = kind
        self.domain = domain
    }

    /// Reads and validates the filters; unknown values are field errors (422), not empty results.
    public static func from(_ request: Request) async throws -> OrganizationFilter {
        var errors: [FieldError] = []
        var filter = OrganizationFilter()
        filter.query = try SearchText.read(request)
        if let raw = nonEmpty(request.query[String.self, at: "kind"]) {
            if let kind = OrganizationKind(rawValue: raw) { filter.kind = kind } else {
                errors.append(FieldError("kind", "validation.invalid_choice"))
            }
        }
        let reference = try await request.referenceData()
        if let raw = nonEmpty(request.query[String.self, at: "wilaya"]) {
            if reference.wilayaCodes.contains(raw) { filter.wilaya = raw } else {
                errors.append(FieldError("wilaya", "validation.invalid_choice"))
            }
        }
        if let raw = nonEmpty(request.query[String.self, at: "domain"]) {
            if reference.domainCodes.contains(raw) { filter.domain = raw } else {
                errors.append(FieldError("domain", "validation.invalid_choice"))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The filters as query parameters, for pagination links.
    public var parameters: [String: String] {
        ["q": query, "wilaya": wilaya ?? "", "kind": kind?.rawValue ?? "", "domain": domain ?? ""]
    }
}
