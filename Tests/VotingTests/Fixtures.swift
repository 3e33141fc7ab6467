import Foundation
@testable import Voting

/// Test fixtures: the Pabulib files kept in this repository and small generated elections.
enum Fixtures {
    /// `$SHABAKA_PABULIB`, else the copies kept in `Tests/Fixtures/pabulib` (`.ci/run` checks that they still match
    /// the project's shared material), found from this file's path.
    static let pabulibDirectory: URL = {
        if let override = ProcessInfo.processInfo.environment["SHABAKA_PABULIB"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // VotingTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
        return repository.appendingPathComponent("Tests/Fixtures/pabulib")
    }()

    static let realFiles = [
        "poland_swiecie_2023_.pb", "poland_warszawa_2024_bemowo.pb", "poland_warszawa_2024_mokotow.pb",
        "whole_budget.pb",
    ]

    static func path(_ file: String) -> String {
        pabulibDirectory.appendingPathComponent(file).path
    }

    static func election(_ file: String) throws -> PabulibElection {
        try PabulibReader.read(contentsOf: path(file))
    }

    /// `expected.json`: file name → key → selected ids (or a number for the per-voter budget).
    static var expected: [String: [String: Any]] {
        let url = pabulibDirectory.appendingPathComponent("expected.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
            return [:]
        }
        return object
    }

    /// A small random approval election, fully determined by its arguments.
    static func randomElection(voters: Int, projects: Int, seed: UInt64) -> PabulibElection {
        var random = TestRandom(seed: seed)
        let projectList = (0..<projects).map { PBProject(id: "p\($0 + 1)", cost: Int64(1 + random.below(20))) }
        let ballots = (0..<voters).map { voter in
            PBBallot(voterID: "v\(voter + 1)",
                     projectIDs: projectList.map(\.id).filter { _ in random.below(100) < 45 })
        }
        let budget = Int64(1 + random.below(60))
        return PabulibElection(
            meta: [MetaEntry(key: "description", value: "random")], budget: budget, voteType: .approval,
            projects: projectList, ballots: ballots)
    }

    /// A valid small file used as the base of malformed variants.
    static let small = """
        META
        key;value
        description;Small test
        country;Nowhere
        unit;Town
        instance;2024
        num_projects;3
        num_votes;4
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost;name
        1;40;Park
        2;50;"Library; books"
        3;30;School
        VOTES
        voter_id;vote
        v1;1,2
        v2;2
        v3;1,3
        v4;3
        """
}

/// Generated test data is reproducible from a seed.
typealias TestRandom = SplitMix64
