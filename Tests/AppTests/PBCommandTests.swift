import Foundation
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("shabaka pb: the voting engine on the command line")
struct PBCommandTests {
    let pabulib = repositoryRoot + "Tests/Fixtures/pabulib/"

    @Test func tallyPrintsTheJSONShapeWithTheCityOutcome() async throws {
        try await withShabaka { app in
            // act
            let result = await runCommand(app, ["pb", "tally", pabulib + "poland_swiecie_2023_.pb", "--rule", "mes-add1",
                                                "--format", "json"])

            // assert
            #expect(result.error == nil)
            struct Tally: Decodable {
                let rule: String
                let selected: [String]
                let total_cost: Int
                let per_voter_budget: Double?
            }
            let tally = try JSONDecoder().decode(Tally.self, from: Data(result.output.utf8))
            #expect(tally.rule == "mes-add1")
            #expect(tally.per_voter_budget == 662)
            #expect(Set(tally.selected) == ["c1", "c10", "c11", "c12", "c13", "c14", "c17", "c18", "c19", "c2", "c20",
                                            "c21", "c3", "c4", "c5", "c7", "c9"])
        }
    }

    @Test func aBadRuleOrABadFileFailsWithAClearMessage() async throws {
        // setup
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).pb")
        try "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;abc\nvote_type;approval\n"
            .write(to: broken, atomically: true, encoding: .utf8)

        try await withShabaka { app in
            // act
            let badRule = await runCommand(app, ["pb", "tally", pabulib + "whole_budget.pb", "--rule", "borda"])
            let badFile = await runCommand(app, ["pb", "check", broken.path])
            let missing = await runCommand(app, ["pb", "tally", "/nonexistent.pb"])

            // assert
            #expect(badRule.error != nil)
            #expect("\(badRule.error!)".contains("borda"))
            #expect(badFile.error != nil)
            #expect(badFile.output.contains("line 5"))
            #expect(missing.error != nil)
        }
    }
}
