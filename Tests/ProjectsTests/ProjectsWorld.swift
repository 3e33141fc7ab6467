import Directory
import Fluent
import Foundation
import Platform
import Projects
import ShabakaTestSupport
import VaporTesting

/// The demo world plus one account per role of the Projects room; the association's representative represents
/// `tadamoun-batna`, the company's represents the demo company.
final class ProjectsWorld: Sendable {
    let app: Application
    let association: Organization
    let company: Organization
    let client: TestAPI

    static let representative = "rep@example.org"
    static let companyRep = "company@example.org"
    static let reviewer = "reviewer@example.org"
    static let coordinator = "coordinator@example.org"
    static let expert = "expert@example.org"
    static let evaluator = "evaluator@example.org"
    static let citizen = "citizen@example.org"

    init(app: Application, association: Organization, company: Organization) {
        self.app = app
        self.association = association
        self.company = company
        client = TestAPI(app)
    }

    static func make(_ app: Application) async throws -> ProjectsWorld {
        guard let association = try await Organization.query(on: app.db).filter(\.$slug == "tadamoun-batna").first(),
              let company = try await Organization.query(on: app.db).filter(\.$slug == ProjectsDemo.companySlug).first()
        else { throw FixtureError("demo data missing") }
        for (email, organization) in [(representative, association), (companyRep, company)] {
            try await makeRepresentative(app, email: email, of: organization.slug, name: "ممثل")
        }
        try await makeUser(app, email: reviewer, roles: [.reviewer])
        try await makeUser(app, email: coordinator, name: "منسق الشبكة", roles: [.coordinator])
        try await makeUser(app, email: expert, name: "Karim Haddad", roles: [.expert])
        try await makeUser(app, email: evaluator, roles: [.evaluator])
        try await makeUser(app, email: citizen, roles: [.citizen])
        return ProjectsWorld(app: app, association: association, company: company)
    }

    func token(_ email: String) async throws -> String {
        try await client.token(email)
    }

    /// A JSON API call with a bearer token (none when `email` is nil).
    func api(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil, language: String = "en")
        async throws -> TestingHTTPResponse
    {
        try await client.call(method, path, as: email, json: json, language: language)
    }

    var projectJSON: String {
        """
        {"slug": "batna-honey-cooperative", "organization_id": "\(association.id!.uuidString)",
         "title": {"ar": "تعاونية العسل الجبلي", "fr": "Coopérative du miel de montagne"},
         "summary": {"ar": "تجميع إنتاج النحالين الصغار وتسويقه."}, "social_need": {"ar": "ضعف دخل النحالين في الأرياف."},
         "beneficiaries": "30 نحالاً ونحالة", "domain_code": "sse.agriculture", "wilaya_code": "05",
         "budget_minor": 150000000, "funding": [{"source": "وزارة الفلاحة", "amount_minor": 100000000}],
         "partners": "غرفة الفلاحة", "starts_on": "2026-02-01", "ends_on": "2027-12-31", "expected_jobs": 6}
        """
    }
}
