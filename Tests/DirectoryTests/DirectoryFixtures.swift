import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import VaporTesting

/// The demo world plus accounts for each role of the membership procedure.
struct MembershipWorld {
    let app: Application
    let network: Organization
    let association: Organization
    let representative: String = "rep@example.org"
    let reviewer: String = "reviewer@example.org"
    let coordinator: String = "coordinator@example.org"

    static func make(_ app: Application) async throws -> MembershipWorld {
        guard let network = try await Organization.query(on: app.db).filter(\.$slug == DirectoryDemo.networkSlug).first(),
              let association = try await Organization.query(on: app.db).filter(\.$slug == "youth-entrepreneurs-oran").first()
        else { throw FixtureError("demo data missing") }
        // The demo application of this association is withdrawn, so the tests start from a clean slate.
        try await MembershipApplication.query(on: app.db).set(\.$state, to: .withdrawn).update()
        try await makeRepresentative(app, email: "rep@example.org", of: association.slug)
        try await makeUser(app, email: "reviewer@example.org", roles: [.reviewer])
        try await makeUser(app, email: "coordinator@example.org", roles: [.coordinator])
        return MembershipWorld(app: app, network: network, association: association)
    }

    func token(_ email: String) async throws -> String {
        try await TestAPI(app).token(email)
    }

    /// A JSON API call with a bearer token; returns the response.
    func api(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil, language: String = "en")
        async throws -> TestingHTTPResponse
    {
        try await TestAPI(app).call(method, path, as: email, json: json, language: language)
    }

    var applicationJSON: String {
        """
        {"network_id": "\(network.id!.uuidString)", "organization_id": "\(association.id!.uuidString)",
         "motivation": "نرغب في الانضمام إلى الشبكة لتبادل الخبرات في مرافقة الشباب حاملي المشاريع.",
         "accreditation_number": "31/2019/112", "accreditation_date": "2019-03-14",
         "domains": ["sse.employment"], "references": "مديرية التشغيل لولاية وهران"}
        """
    }
}

struct IDState: Decodable {
    let id: UUID
    let state: String
    let allowed_actions: [String]?
}
