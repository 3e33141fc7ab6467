import Directory
import Platform
import Vapor

/// The dashboard's filters, all in its address (`wilaya`, `domain`, `year`): a value that names nothing is refused
/// by field (a form error on the page, problem details in the API), never silently ignored.
public struct DashboardFilter: Hashable, Sendable {
    public var wilaya: String?
    public var domain: String?
    public var year: Int?

    public init(wilaya: String? = nil, domain: String? = nil, year: Int? = nil) {
        self.wilaya = wilaya
        self.domain = domain
        self.year = year
    }

    static let years = 2000...2100

    init(_ req: Request) async throws {
        var errors: [FieldError] = []
        func read(_ name: String) -> String? { req.query[String.self, at: name].flatMap(Validate.trimmed) }
        let reference = try await req.referenceData()
        if let code = read("wilaya") {
            if reference.wilayaCodes.contains(code) { wilaya = code } else { errors.append(FieldError("wilaya", "validation.invalid_choice")) }
        }
        if let code = read("domain") {
            if reference.domainCodes.contains(code) { domain = code } else { errors.append(FieldError("domain", "validation.invalid_choice")) }
        }
        if let raw = read("year") {
            if let value = Int(raw), Self.years.contains(value) { year = value } else {
                errors.append(FieldError("year", "validation.invalid_choice"))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
    }

    /// The filters as an address's query (for links that keep them).
    var query: String {
        [("wilaya", wilaya), ("domain", domain), ("year", year.map(String.init))]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: "&")
    }
}
