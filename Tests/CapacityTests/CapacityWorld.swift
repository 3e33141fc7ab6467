import Capacity
import Directory
import Fluent
import Foundation
import Platform
import ShabakaTestSupport
import VaporTesting

/// 2026-03-02 09:00 in Algeria.
let march2026 = Date(timeIntervalSince1970: 1_772_438_400)

/// The demo world plus a coordinator, a representative of a member association and citizens.
struct CapacityWorld {
    let app: Application
    let client: TestAPI

    static let coordinator = "coordinator@example.org"
    static let representative = "rep@example.org"
    static func citizen(_ index: Int) -> String { "citizen\(index)@example.org" }

    static func make(_ app: Application, citizens: Int = 4) async throws -> CapacityWorld {
        try await makeUser(app, email: coordinator, name: "منسقة التكوين", roles: [.coordinator])
        _ = try await makeRepresentative(app, email: representative, of: "tadamoun-batna")
        for index in 0..<citizens { try await makeUser(app, email: citizen(index), name: "مواطن \(index)", roles: [.citizen]) }
        return CapacityWorld(app: app, client: TestAPI(app))
    }

    func api(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil, language: String = "en")
        async throws -> TestingHTTPResponse
    {
        try await client.call(method, path, as: email, json: json, language: language)
    }

    func organization(_ slug: String) async throws -> UUID {
        guard let id = try await Organization.query(on: app.db).filter(\.$slug == slug).first()?.id else {
            throw FixtureError("no organisation \(slug)")
        }
        return id
    }

    /// An event by the coordinator for the network, starting `days` after the clock's time.
    func event(kind: String = "training", capacity: Int, audience: String = "public", days: Double = 10,
               length: Int = 1, title: String = "تكوين في تسيير المشاريع") async throws -> String
    {
        let network = try await organization(DirectoryDemo.networkSlug)
        let starts = march2026.addingTimeInterval(days * 86_400)
        let ends = starts.addingTimeInterval(Double(length - 1) * 86_400 + 6 * 3_600)
        let created = try await api(.POST, "/api/v1/events", as: Self.coordinator, json: """
            {"organizer_id": "\(network)", "kind": "\(kind)", "title": {"ar": "\(title)", "fr": "Formation"},
             "programme": {"ar": "البرنامج: الحاجة، الميزانية، التقرير"}, "starts_at": "\(iso(starts))",
             "ends_at": "\(iso(ends))", "wilaya_code": "05", "address": "دار الشباب، باتنة", "audience": "\(audience)",
             "capacity": \(capacity), "domain_codes": ["sse.entrepreneurship"]}
            """)
        guard created.status == .created else { throw FixtureError("event: \(created.status) \(created.body.string)") }
        struct Made: Decodable { let id: String }
        return try created.decoded(Made.self).id
    }

    func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

struct TestRegistration: Decodable {
    let id: String
    let name: String
    let status: String
    let position: Int?
    let certificate_code: String?
}

struct TestEvent: Decodable {
    let id: String
    let capacity: Int
    let registered: Int
    let waitlisted: Int
    let sessions: Int
}
