import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The rules an election sets beside the budget: several budgets and how many one person votes in, the minimum
/// age, and a project left out as infeasible before the count (shown with its reason, left out of the file).
@Suite("Budget elections: budgets per voter, minimum age, a project left out")
struct ElectionRulesTests {
    typealias W = ParticipationWorld

    @Test func oneBudgetOfTwoTheAgeConfirmedAndAnExcludedProjectShownWithItsReason() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let world = try await W.make(app, citizens: 3)
            let body = """
                {"process_id": "\(world.processID)", "title": "Deux budgets", "language": "fr", "rule": "greedy",
                 "budgets_per_voter": 1, "minimum_age": 16,
                 "opens_at": "2026-03-03T09:00:00Z", "closes_at": "2026-03-10T18:00:00Z",
                 "budgets": [{"amount": 500000}, {"wilaya_code": "16", "amount": 300000}],
                 "projects": [{"title": "A", "cost": 200000}, {"title": "B", "cost": 250000},
                              {"title": "C", "cost": 100000, "budget": 2}, {"title": "D", "cost": 150000, "budget": 2}]}
                """
            let created = try await world.api(.POST, "/api/v1/pb-elections", as: W.coordinator, json: body)
            #expect(created.status == .created, "\(created.body.string)")
            let election = try created.decoded(TestElection.self)
            let path = "/api/v1/pb-elections/\(election.id)"
            #expect(try await world.api(.POST, path + "/transitions", as: W.coordinator,
                                        json: #"{"action": "schedule"}"#).status == .ok)
            clock.advance(by: ElectionWorld.opensAt.timeIntervalSince(clock.now()) + 60)
            let (national, wilaya) = (election.budgets[0].id, election.budgets[1].id)
            func vote(_ index: Int, _ budget: String, _ projects: String, age: Bool = true) async throws -> TestingHTTPResponse {
                try await world.api(.POST, path + "/ballot", as: W.citizen(index),
                                    json: #"{"budget_id": "\#(budget)", "projects": \#(projects), "age_confirmed": \#(age)}"#)
            }

            // the age must be confirmed; a project of the other budget is not on this ballot
            #expect(try await vote(0, national, "[1]", age: false).decoded(TestProblem.self).code
                    == "election.not_eligible.age")
            #expect(try await vote(0, national, "[3]").decoded(TestProblem.self).code == "election.unknown_project")
            // one budget per person: the second is refused, a change in the first is not
            #expect(try await vote(0, national, "[1]").status == .created)
            let second = try await vote(0, wilaya, "[3]")
            #expect(second.status == .conflict)
            #expect(try second.decoded(TestProblem.self).code == "election.too_many_budgets")
            #expect(try await vote(0, national, "[1, 2]").status == .created)
            #expect(try await vote(1, wilaya, "[3, 4]").status == .created)
            #expect(try await vote(2, national, "[2]").status == .created)

            // the organiser leaves project 2 out; it is gone from the count and from the file, its reason shown
            let excluded = try await world.api(.POST, path + "/projects/2/exclusion", as: W.coordinator,
                                               json: #"{"reason": "Le terrain n’est pas disponible."}"#)
            #expect(excluded.status == .ok, "\(excluded.body.string)")
            #expect(try await world.api(.POST, path + "/projects/1/exclusion", as: W.citizen(0),
                                        json: #"{"reason": "non"}"#).status == .forbidden)
            clock.advance(by: ElectionWorld.closesAt.timeIntervalSince(clock.now()) + 60)
            let results = try await world.api(.GET, path + "/results", as: nil).decoded(TestElectionResults.self)
            #expect(results.budgets.map(\.ballots) == [1, 1], "the ballot only for project 2 is empty once it is out")
            #expect(results.selected == ["1", "3", "4"])
            let two = try #require(results.budgets[0].projects.first { $0.number == 2 })
            #expect(!two.funded && two.excludedReason == "Le terrain n’est pas disponible.")
            let file = try await world.api(.GET, path + "/ballots.pb?budget=1", as: nil).body.string
            #expect(file.contains("excluded_projects;2") && !file.contains("\n2;250000"))
            let page = try await world.api(.GET, "/fr/pb-elections/\(election.id)/results", as: nil).body.string
            #expect(page.contains("Écarté avant le dépouillement : Le terrain n’est pas disponible."))
            // after the count nothing is left out any more
            let late = try await world.api(.POST, path + "/projects/1/exclusion", as: W.coordinator,
                                           json: #"{"reason": "trop tard"}"#)
            #expect(try late.decoded(TestProblem.self).code == "election.closed")
        }
    }
}
