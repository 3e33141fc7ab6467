import Testing
@testable import Voting

/// Writing an election and reading it back gives the same election.
@Suite("Pabulib round trip")
struct RoundTripTests {
    @Test("real files survive write then read", arguments: Fixtures.realFiles)
    func realFileRoundTrips(file: String) throws {
        // setup
        let election = try Fixtures.election(file)
        // act
        let reread = try PabulibReader.read(text: PabulibWriter.text(of: election))
        // assert
        #expect(reread == election)
    }

    @Test("quoted fields, points and unusual text survive write then read")
    func unusualFieldsRoundTrip() throws {
        // setup
        let election = PabulibElection(
            meta: [MetaEntry(key: "description", value: "a;b \"quoted\" ; ok"),
                   MetaEntry(key: "unit", value: "Świecie")],
            budget: 90, voteType: .cumulative, projectColumns: ["name"],
            projects: [PBProject(id: "a", cost: 30, attributes: ["name": " leading space"]),
                       PBProject(id: "b", cost: 60, attributes: ["name": "\"quote first"])],
            voteColumns: ["age"],
            ballots: [PBBallot(voterID: "1", projectIDs: ["a", "b"], points: [3, 2], attributes: ["age": "40"]),
                      PBBallot(voterID: "2", projectIDs: [], points: [], attributes: ["age": ""])])
        // act
        let reread = try PabulibReader.read(text: PabulibWriter.text(of: election))
        // assert
        #expect(reread.projects == election.projects)
        #expect(reread.ballots == election.ballots)
        #expect(reread.metaValue("description") == "a;b \"quoted\" ; ok")
        #expect(reread.metaValue("num_votes") == "2")
    }

    @Test("random elections survive write then read", arguments: [UInt64(1), 2, 3, 4, 5])
    func randomElectionRoundTrips(seed: UInt64) throws {
        // setup
        let election = Fixtures.randomElection(voters: 30, projects: 6, seed: seed)
        // act
        let reread = try PabulibReader.read(text: PabulibWriter.text(of: election))
        // assert
        #expect(reread.projects == election.projects)
        #expect(reread.ballots == election.ballots)
        #expect(reread.budget == election.budget)
    }
}
