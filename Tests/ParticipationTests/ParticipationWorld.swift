import Directory
import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import VaporTesting

/// 2026-03-02, inside the proposals phase of ``ParticipationWorld/processJSON``.
let march2026 = Date(timeIntervalSince1970: 1_772_409_600)
/// 2026-04-10, inside its deliberation phase.
let april2026 = Date(timeIntervalSince1970: 1_775_779_200)

/// The demo world plus a process and one account per role of the Participation room.
final class ParticipationWorld: Sendable {
    let app: Application
    let client: TestAPI
    let processID: UUID

    static let coordinator = "coordinator@example.org"
    static let evaluator = "evaluator@example.org"
    static let representative = "rep@example.org"
    static let author = "author@example.org"

    static func citizen(_ index: Int) -> String { "citizen\(index)@example.org" }

    init(app: Application, processID: UUID) {
        self.app = app
        self.processID = processID
        client = TestAPI(app)
    }

    /// `citizens` citizen accounts, the process created by the coordinator through the API.
    static func make(_ app: Application, citizens: Int = 6, threshold: Int = 3, settings: String = "") async throws
        -> ParticipationWorld
    {
        try await makeUser(app, email: coordinator, name: "منسق الشبكة", roles: [.coordinator])
        try await makeUser(app, email: evaluator, name: "Amina Evaluator", roles: [.evaluator])
        try await makeUser(app, email: author, name: "صاحب المقترح", roles: [.citizen])
        _ = try await makeRepresentative(app, email: representative, of: "tadamoun-batna")
        for index in 0..<citizens { try await makeUser(app, email: citizen(index), name: "مواطن \(index)", roles: [.citizen]) }
        guard let observatory = try await Organization.query(on: app.db).filter(\.$slug == DirectoryDemo.observatorySlug)
            .first()
        else { throw FixtureError("demo data missing") }
        let client = TestAPI(app)
        let created = try await client.call(.POST, "/api/v1/processes", as: coordinator, json: processJSON(
            organizer: try observatory.requireID(), threshold: threshold, settings: settings))
        guard created.status == .created else { throw FixtureError("process: \(created.status) \(created.body.string)") }
        struct Made: Decodable { let id: UUID }
        return ParticipationWorld(app: app, processID: try created.decoded(Made.self).id)
    }

    static func processJSON(organizer: UUID, threshold: Int, settings: String) -> String {
        """
        {"slug": "budget-2026", "title": {"ar": "ميزانية تشاركية 2026", "fr": "Budget participatif 2026"},
         "description": {"ar": "اقترحوا مشاريع لأحيائكم."}, "organizer_id": "\(organizer)",
         "endorsement_threshold": \(threshold), \(settings)
         "phases": [{"kind": "information", "starts_on": "2026-02-01", "ends_on": "2026-02-28"},
                    {"kind": "proposals", "starts_on": "2026-03-01", "ends_on": "2026-03-31"},
                    {"kind": "deliberation", "starts_on": "2026-04-01", "ends_on": "2026-04-30"},
                    {"kind": "follow_up", "starts_on": "2026-05-01", "ends_on": "2026-12-31"}]}
        """
    }

    func api(_ method: HTTPMethod, _ path: String, as email: String?, json: String? = nil, language: String = "en")
        async throws -> TestingHTTPResponse
    {
        try await client.call(method, path, as: email, json: json, language: language)
    }

    /// A published proposal by `email`.
    func published(_ title: String, body: String, by email: String, wilaya: String = "05") async throws -> UUID {
        let created = try await api(.POST, "/api/v1/proposals", as: email, json: """
            {"process_id": "\(processID)", "title": "\(title)", "body": "\(body)", "wilaya_code": "\(wilaya)",
             "domain_code": "sse.agriculture"}
            """)
        guard created.status == .created else { throw FixtureError("proposal: \(created.status) \(created.body.string)") }
        let id = try created.decoded(ProposalAnswer.self).id
        let published = try await api(.POST, "/api/v1/proposals/\(id)/transitions", as: email, json: #"{"action": "publish"}"#)
        guard published.status == .ok else { throw FixtureError("publish: \(published.status) \(published.body.string)") }
        return id
    }
}

/// A proposal as the API answers it.
struct ProposalAnswer: Decodable {
    struct Version: Decodable { let version: Int; let title: String; let reason: String }
    struct Answer: Decodable { let state: String; let reason: String; let publish_on: String?; let published_at: String? }
    let id: UUID
    let state: String
    let version: Int
    let locked: Bool
    let endorsements: Int?
    let threshold: Int
    let threshold_reached_at: String?
    let endorsed_by_viewer: Bool
    let versions: [Version]
    let answer: Answer?
    let project_id: UUID?
    let merged_into_id: UUID?
    let merged_from: [UUID]
}
