import Fluent
import Foundation
import Participation
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// A whole participatory-budgeting election through the API: scheduled, opened by the clock, 100 people vote (some
/// change their ballot, some are refused with the rule they broke), closed by the clock, tallied once; the published
/// ballots re-tallied by `shabaka pb tally` give the same outcome.
@Suite("Budget elections: a whole election, recountable")
struct ElectionLifeTests {
    typealias W = ParticipationWorld

    @Test func aHundredVotersThenTheResultsAndTheirRecount() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 100)

            // before the opening: refused by the clock
            let early = try await election.vote(0, [1])
            #expect(early.status == .conflict)
            #expect(try early.decoded(TestProblem.self).code == "election.not_yet_open")

            election.open()
            var last: [Int: TestReceipt] = [:]
            var earlier: [String] = []
            for index in 0..<100 {
                if (10..<15).contains(index) {
                    // over the budget: 400,000 + 350,000 + 300,000
                    let over = try await election.vote(index, [5, 7, 1])
                    #expect(over.status == .unprocessableEntity)
                    let problem = try over.decoded(TestProblem.self)
                    #expect(problem.code == "election.over_budget" && problem.errors.map(\.field) == ["projects"])
                    #expect(over.body.string.contains("1050000"), "the message names the total: \(over.body.string)")
                }
                if (15..<20).contains(index) {
                    let long = try await election.vote(index, [2, 4, 6, 8, 3, 1])
                    #expect(long.status == .unprocessableEntity)
                    #expect(try long.decoded(TestProblem.self).code == "election.too_many")
                }
                if index == 20 {
                    let unknown = try await election.vote(index, [9])
                    #expect(try unknown.decoded(TestProblem.self).code == "election.unknown_project")
                    let empty = try await election.vote(index, [])
                    #expect(try empty.decoded(TestProblem.self).code == "election.too_few")
                }
                let cast = try await election.vote(index, ElectionWorld.ballot(index))
                #expect(cast.status == .created, "\(cast.body.string)")
                var receipt = try cast.decoded(TestReceipt.self)
                if index < 10 {
                    // changes their mind: the later ballot replaces the earlier one
                    earlier.append(receipt.receipt)
                    let changed = try await election.vote(index, ElectionWorld.ballot(index + 1000))
                    receipt = try changed.decoded(TestReceipt.self)
                    #expect(receipt.version == 2)
                }
                last[index] = receipt
            }
            #expect(try await election.ballots(app).count == 100)

            // nothing of the count while open
            let tooSoon = try await election.world.api(.GET, election.path + "/results", as: W.coordinator)
            #expect(try tooSoon.decoded(TestProblem.self).code == "election.results_at_close")

            election.close()
            let late = try await election.vote(0, [1])
            #expect(try late.decoded(TestProblem.self).code == "election.closed")

            let response = try await election.world.api(.GET, election.path + "/results", as: nil)
            #expect(response.status == .ok, "\(response.body.string)")
            let results = try response.decoded(TestElectionResults.self)
            #expect(results.rule == "mes-add1")
            #expect(results.budgets[0].ballots == 100)
            #expect(results.turnout.voters == 100)
            #expect(results.budgets[0].projects.count == 8)
            #expect(results.budgets[0].projects.allSatisfy { $0.explanation != nil })
            #expect(Set(results.selected) == Set(results.budgets[0].projects.filter(\.funded).map { String($0.number) }))
            #expect(!results.selected.isEmpty)

            // the published ballots: each voter's last ballot by its receipt, no earlier one, nothing else
            let file = try await election.world.api(.GET, election.path + "/ballots.pb?budget=1", as: nil)
            #expect(file.status == .ok)
            let text = file.body.string
            let votes = text.components(separatedBy: "VOTES\n")[1].split(separator: "\n").dropFirst()
            #expect(votes.count == 100)
            let published = Dictionary(uniqueKeysWithValues: votes.map { line -> (String, String) in
                let fields = line.split(separator: ";").map(String.init)
                return (fields[0], fields[1])
            })
            for (_, receipt) in last {
                #expect(published[receipt.receipt] == receipt.projects.map(String.init).joined(separator: ","))
            }
            #expect(earlier.allSatisfy { published[$0] == nil })
            #expect(text.contains("voter_id;vote\n"), "no column beside the vote")

            // anyone recounts the file with the command line and finds the same outcome
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("election-\(UUID().uuidString).pb")
            try text.write(to: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: path) }
            let recount = await runCommand(app, ["pb", "tally", path.path, "--rule", "mes-add1", "--format", "json"])
            #expect(recount.error == nil)
            struct Tally: Decodable { let selected: [String] }
            let tally = try JSONDecoder().decode(Tally.self, from: Data(recount.output.utf8))
            #expect(tally.selected == results.budgets[0].selected)

            // the tally ran once: a second reading is the stored outcome
            #expect(try await ElectionResult.query(on: app.db).filter(\.$electionID == UUID(uuidString: election.id)!).count() == 1)
            let again = try await election.world.api(.GET, election.path + "/results", as: nil)
            #expect(try again.decoded(TestElectionResults.self).selected == results.selected)
        }
    }

    @Test func twoHundredSimultaneousBallotsFromAHundredPeopleLeaveEachPersonsLast() async throws {
        let clock = ManualClock(march2026)
        try await withShabaka(demo: true, clock: clock, adjust: { $0.attemptsPerAddressPerMinute = 100_000 }) { app in
            let election = try await ElectionWorld.make(app, clock: clock, voters: 100)
            election.open()
            for index in 0..<100 { _ = try await election.world.client.token(W.citizen(index)) }

            // act: two different ballots per person, all 200 at once
            let receipts = try await withThrowingTaskGroup(of: (Int, TestReceipt).self) { group in
                for index in 0..<100 {
                    for variant in [index, index + 500] {
                        group.addTask {
                            let response = try await election.vote(index, ElectionWorld.ballot(variant))
                            guard response.status == .created else {
                                throw FixtureError("\(response.status): \(response.body.string)")
                            }
                            return (index, try response.decoded(TestReceipt.self))
                        }
                    }
                }
                return try await group.reduce(into: [Int: [TestReceipt]]()) { $0[$1.0, default: []].append($1.1) }
            }

            // assert: one ballot each, the one acknowledged last (version 2)
            let stored = try await election.ballots(app)
            #expect(stored.count == 100)
            let byReceipt = Dictionary(uniqueKeysWithValues: stored.map { ($0.receipt, $0) })
            for index in 0..<100 {
                let pair = receipts[index] ?? []
                #expect(pair.map(\.version).sorted() == [1, 2])
                guard let lastOne = pair.first(where: { $0.version == 2 }) else { continue }
                #expect(byReceipt[lastOne.receipt]?.projectNumbers == lastOne.projects)
                #expect(byReceipt[lastOne.receipt]?.version == 2)
            }
            #expect(Set(stored.map(\.voterLink)).count == 100)
        }
    }
}
