import Testing
@testable import Voting

/// Every rule in `expected.json`, reproduced exactly on every file.
@Suite("Outcomes in expected.json")
struct ExpectedOutcomesTests {
    static let rules: [(key: String, tally: @Sendable (PBProfile) -> PBOutcome)] = [
        ("greedy", { Greedy.tally($0) }),
        ("selected_in_reality", { Greedy.tally($0) }),
        ("mes_cost", { EqualShares.plain($0, utility: .cost, tieBreaking: .lexicographic) }),
        ("mes_cardinality", { EqualShares.plain($0, utility: .cardinality, tieBreaking: .lexicographic) }),
        ("mes_add1_cost", { EqualShares.pabutoolsAdd1($0, utility: .cost) }),
        ("mes_add1_cardinality", { EqualShares.pabutoolsAdd1($0, utility: .cardinality) }),
        ("mes_add1", { EqualShares.add1($0) }),
    ]

    @Test("expected.json lists every shared file")
    func expectedFileCoversEveryFile() {
        // assert
        #expect(Set(Fixtures.expected.keys) == Set(Fixtures.realFiles))
    }

    @Test("each rule selects exactly the expected projects", arguments: Fixtures.realFiles)
    func ruleSelectsExpectedProjects(file: String) throws {
        // setup
        let profile = PBProfile(try Fixtures.election(file))
        let expected = try #require(Fixtures.expected[file])
        var checked = 0
        for (key, tally) in Self.rules {
            guard let ids = expected[key] as? [String] else { continue }
            // act
            let outcome = tally(profile)
            // assert
            #expect(outcome.selected.sorted() == ids.sorted(), "\(file) \(key)")
            checked += 1
        }
        #expect(checked >= 1)
    }

    @Test("mes-add1 reports the final share of 662 on Świecie")
    func mesAdd1ReportsFinalShare() throws {
        // setup
        let profile = PBProfile(try Fixtures.election("poland_swiecie_2023_.pb"))
        let expected = try #require(Fixtures.expected["poland_swiecie_2023_.pb"]?["mes_add1_per_voter_budget"] as? Int)
        // act
        let outcome = profile.tally(.mesAdd1)
        // assert
        #expect(outcome.perVoterBudget == ExactFraction(Int64(expected)))
        #expect(outcome.totalCost <= profile.budget)
    }

    @Test("Shabaka's own mes and mes-add1 agree with the expected sets where ties do not matter")
    func shabakaTieOrderGivesSameSetsOnSwiecie() throws {
        // setup
        let profile = PBProfile(try Fixtures.election("poland_swiecie_2023_.pb"))
        let expected = try #require(Fixtures.expected["poland_swiecie_2023_.pb"])
        // act
        let mes = profile.tally(.mes)
        // assert
        #expect(mes.selected.sorted() == (expected["mes_cost"] as? [String])?.sorted())
    }
}
