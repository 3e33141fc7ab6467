import Foundation
import Testing
@testable import Voting

@Suite("PBCommandLine")
struct CommandLineTests {
    @Test("tally --format json prints exactly the four fields for Świecie mes-add1")
    func jsonTallyPrintsFourFields() throws {
        // act
        let output = try PBCommandLine.tally(
            path: Fixtures.path("poland_swiecie_2023_.pb"), rule: "mes-add1", format: "json")
        // assert
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["rule", "selected", "total_cost", "per_voter_budget"])
        #expect(object["rule"] as? String == "mes-add1")
        #expect(object["per_voter_budget"] as? Int == 662)
        #expect((object["selected"] as? [String])?.count == 17)
        #expect(output.contains("\"per_voter_budget\":662"))
    }

    @Test("greedy has a null per-voter budget and mes prints budget / voters")
    func perVoterBudgetForGreedyAndMES() throws {
        // setup
        let text = try String(contentsOfFile: Fixtures.path("poland_swiecie_2023_.pb"), encoding: .utf8)
        // act
        let greedy = try PBCommandLine.tally(fileContents: text, rule: "greedy", format: "json")
        let mes = try PBCommandLine.tally(fileContents: text, rule: "mes", format: "json")
        // assert
        #expect(greedy.contains("\"per_voter_budget\":null"))
        #expect(mes.contains("\"per_voter_budget\":419.114766"))
    }

    @Test("explanations say why each project was or was not funded")
    func explanationsCoverEveryProject() throws {
        // act
        let output = try PBCommandLine.tally(
            path: Fixtures.path("poland_swiecie_2023_.pb"), rule: "mes-add1-greedy", format: "json", explain: true)
        // assert
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let explanations = try #require(object["explanations"] as? [[String: Any]])
        #expect(explanations.count == 22)
        let kinds = Set(explanations.compactMap { $0["kind"] as? String })
        #expect(kinds.isSubset(of: ["mes_funded", "completion_funded", "completion_skipped"]))
        #expect(kinds.contains("mes_funded"))
    }

    @Test("text format prints a table with a row per project")
    func textFormatIsATable() throws {
        // act
        let output = try PBCommandLine.tally(path: Fixtures.path("whole_budget.pb"), rule: "mes", explain: true)
        // assert
        #expect(output.contains("rule: mes (utility: cost)"))
        #expect(output.contains("mes_unaffordable"))
        #expect(output.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
    }

    @Test("bad arguments and bad files give clear errors and a non-zero status")
    func errorsAreClear() {
        // act
        let rule = PBCommandLine.run(arguments: ["tally", Fixtures.path("whole_budget.pb"), "--rule", "borda"])
        let missing = PBCommandLine.run(arguments: ["check", "/nonexistent.pb"])
        let malformed = PBCommandLine.check(fileContents: "META\nkey;value\nbudget;x\n")
        // assert
        #expect(rule.status != 0 && rule.output.contains("unknown rule 'borda'"))
        #expect(missing.status != 0)
        #expect(malformed.error?.line == 3)
        #expect(PBCommandLine.check(path: Fixtures.path("whole_budget.pb")).isValid)
    }
}
