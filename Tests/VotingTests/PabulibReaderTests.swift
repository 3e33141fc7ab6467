import Foundation
import Testing
@testable import Voting

@Suite("Pabulib reader")
struct PabulibReaderTests {
    @Test("Świecie, a CRLF file, reads with its counts and budget")
    func crlfFileReads() throws {
        // act
        let election = try Fixtures.election("poland_swiecie_2023_.pb")
        // assert
        #expect(election.projects.count == 22)
        #expect(election.ballots.count == 2553)
        #expect(election.budget == 1_070_000)
        #expect(election.metaValue("unit") == "Świecie")
        #expect(election.ballots[0].projectIDs == ["c1", "c2", "c11", "c21", "c20"])
    }

    @Test("a file without country, unit and instance is accepted")
    func optionalMetaKeysMayBeMissing() throws {
        // act
        let election = try Fixtures.election("whole_budget.pb")
        // assert
        #expect(election.metaValue("country") == nil)
        #expect(election.projects.map(\.cost) == [30, 70])
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMarkIsSkipped() throws {
        // setup
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(Fixtures.small.utf8)
        // act
        let election = try PabulibReader.read(data: data)
        // assert
        #expect(election.meta.first?.key == "description")
    }

    @Test("ordinal, choose-1, cumulative and scoring ballots read with their points")
    func everyVoteTypeReads() throws {
        for type in VoteType.allCases {
            // setup
            let points = type.hasPoints
            let single = type == .choose1
            let replacements = [
                ("vote_type;approval", "vote_type;\(type.rawValue)"),
                ("voter_id;vote\n", points ? "voter_id;vote;points\n" : "voter_id;vote\n"),
                ("v1;1,2\n", single ? "v1;1\n" : (points ? "v1;1,2;4,1\n" : "v1;1,2\n")),
                ("v2;2\n", points ? "v2;2;5\n" : "v2;2\n"),
                ("v3;1,3\n", single ? "v3;3\n" : (points ? "v3;1,3;2,3\n" : "v3;1,3\n")),
                ("v4;3", points ? "v4;3;5" : "v4;3"),
            ]
            let text = replacements.reduce(Fixtures.small) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
            // act
            let election = try PabulibReader.read(text: text)
            // assert
            #expect(election.voteType == type)
            #expect((election.ballots[0].points != nil) == type.hasPoints)
        }
    }

    @Test("greedy ranks point ballots by points")
    func greedyUsesPoints() throws {
        // setup: project 3 has fewer approvals than 1 but more points
        let election = PabulibElection(
            meta: [], budget: 40, voteType: .cumulative,
            projects: [PBProject(id: "1", cost: 40), PBProject(id: "3", cost: 40)],
            ballots: [PBBallot(voterID: "a", projectIDs: ["1"], points: [1]),
                      PBBallot(voterID: "b", projectIDs: ["1", "3"], points: [1, 9])])
        // act
        let outcome = election.tally(.greedy)
        // assert
        #expect(outcome.selected == ["3"])
    }
}
