import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import VaporTesting

/// The participation world plus a participatory-budgeting election made through the API: one budget of 1,000,000 and
/// eight projects, voting from 3 March 2026 09:00 UTC to 10 March 18:00 UTC (the clock starts on 2 March).
struct ElectionWorld: Sendable {
    let world: ParticipationWorld
    let clock: ManualClock
    let id: String
    let budgetID: String

    static let opensAt = Date(timeIntervalSince1970: 1_772_528_400)  // 2026-03-03T09:00:00Z
    static let closesAt = Date(timeIntervalSince1970: 1_773_165_600)  // 2026-03-10T18:00:00Z
    static let costs: [Int] = [300_000, 250_000, 200_000, 150_000, 400_000, 100_000, 350_000, 50_000]

    static func make(_ app: Application, clock: ManualClock, voters: Int, rule: String = "mes-add1",
                     extra: String = "") async throws -> ElectionWorld {
        let world = try await ParticipationWorld.make(app, citizens: voters)
        let projects = costs.enumerated().map { index, cost in
            #"{"title": "مشروع \#(index + 1)", "description": "وصف المشروع \#(index + 1)", "cost": \#(cost), "wilaya_code": "16"}"#
        }.joined(separator: ", ")
        let body = """
            {"process_id": "\(world.processID)", "title": "الميزانية التشاركية 2026", "language": "ar", "rule": "\(rule)",
             "max_projects": 5, "opens_at": "2026-03-03T09:00:00Z", "closes_at": "2026-03-10T18:00:00Z", \(extra)
             "budgets": [{"amount": 1000000}], "projects": [\(projects)]}
            """
        let created = try await world.api(.POST, "/api/v1/pb-elections", as: ParticipationWorld.coordinator, json: body)
        guard created.status == .created else { throw FixtureError("election: \(created.status) \(created.body.string)") }
        let election = try created.decoded(TestElection.self)
        let scheduled = try await world.api(.POST, "/api/v1/pb-elections/\(election.id)/transitions",
                                            as: ParticipationWorld.coordinator, json: #"{"action": "schedule"}"#)
        guard scheduled.status == .ok else { throw FixtureError("schedule: \(scheduled.status) \(scheduled.body.string)") }
        return ElectionWorld(world: world, clock: clock, id: election.id, budgetID: election.budgets[0].id)
    }

    var path: String { "/api/v1/pb-elections/\(id)" }

    /// This election's stored ballots (the demo has its own).
    func ballots(_ app: Application) async throws -> [ElectionBallot] {
        try await ElectionBallot.query(on: app.db).filter(\.$electionID == UUID(uuidString: id)!).all()
    }

    func open() { clock.advance(by: Self.opensAt.timeIntervalSince(clock.now()) + 60) }
    func close() { clock.advance(by: Self.closesAt.timeIntervalSince(clock.now()) + 60) }

    /// Casts `projects` as the citizen `index`.
    func vote(_ index: Int, _ projects: [Int]) async throws -> TestingHTTPResponse {
        try await world.api(.POST, path + "/ballot", as: ParticipationWorld.citizen(index),
                            json: #"{"projects": [\#(projects.map(String.init).joined(separator: ","))]}"#)
    }

    /// A ballot within the budget and the five-project limit, different for each seed.
    static func ballot(_ seed: Int) -> [Int] {
        var state = SplitMix(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var chosen: [Int] = []
        var total = 0
        for number in (1...8).shuffled(using: &state) where chosen.count < 5 {
            if total + costs[number - 1] <= 1_000_000 {
                chosen.append(number)
                total += costs[number - 1]
            }
        }
        return chosen.sorted()
    }
}

/// An election as the API gives it (the fields the tests read).
struct TestElection: Decodable {
    struct Budget: Decodable { let id: String }
    let id: String
    let phase: String
    let budgets: [Budget]
}

/// A ballot's receipt as the API gives it.
struct TestReceipt: Decodable {
    let receipt: String
    let projects: [Int]
    let version: Int
}

/// Results as the API gives them (the fields the tests read).
struct TestElectionResults: Decodable {
    struct Project: Decodable {
        struct Explanation: Decodable { let kind: String }
        let number: Int
        let funded: Bool
        let explanation: Explanation?
        let excludedReason: String?
        enum CodingKeys: String, CodingKey { case number, funded, explanation, excludedReason = "excluded_reason" }
    }
    struct Budget: Decodable {
        let ballots: Int
        let selected: [String]
        let projects: [Project]
    }
    struct Turnout: Decodable { let voters: Int }
    let rule: String
    let selected: [String]
    let budgets: [Budget]
    let turnout: Turnout
}
