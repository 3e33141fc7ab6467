import Testing
@testable import Voting

@Suite("General polls")
struct PollTests {
    @Test("plurality ranks by votes and reports ties as co-winners")
    func pluralityTiesAreCoWinners() {
        // act
        let result = Poll.plurality(candidates: ["A", "B", "C"], ballots: ["A", "B", "B", "A", "C", "X"])
        // assert
        #expect(result.ranking == [["A", "B"], ["C"]])
        #expect(result.winners == ["A", "B"])
        #expect(result.explanation.scores == [2, 2, 1])
        #expect(result.explanation.ignoredBallots == 1)
    }

    @Test("approval counts each approved candidate once")
    func approvalCountsApprovals() {
        // act
        let result = Poll.approval(candidates: ["A", "B", "C"], ballots: [["A", "B"], ["B"], ["C", "B"], ["A", "A"]])
        // assert
        #expect(result.winners == ["B"])
        #expect(result.explanation.scores == [1, 3, 1])
        #expect(result.explanation.ignoredBallots == 1)
    }

    @Test("Schulze picks the Condorcet winner of Wikipedia's 45-voter example")
    func schulzeMatchesWikipediaExample() {
        // setup: the classic example whose Schulze ranking is E > A > C > B > D
        var ballots: [[String]] = []
        let groups: [(Int, String)] = [
            (5, "ACBED"), (5, "ADECB"), (8, "BEDAC"), (3, "CABED"), (7, "CAEBD"), (2, "CBADE"),
            (7, "DCEBA"), (8, "EBADC"),
        ]
        for (count, order) in groups {
            ballots += Array(repeating: order.map(String.init), count: count)
        }
        // act
        let result = Poll.schulze(candidates: ["A", "B", "C", "D", "E"], ballots: ballots)
        // assert
        #expect(result.ranking == [["E"], ["A"], ["C"], ["B"], ["D"]])
        #expect(result.winners == ["E"])
        #expect(result.explanation.pairwise?[0][1] == 20)
        #expect(result.explanation.strongestPaths?[4][0] == 25)
    }

    @Test("Schulze reports a perfect cycle as a tie")
    func schulzeCycleIsATie() {
        // act
        let cycle = [["A", "B", "C"], ["B", "C", "A"], ["C", "A", "B"]]
        let result = Poll.schulze(candidates: ["A", "B", "C"], ballots: cycle)
        // assert
        #expect(result.winners == ["A", "B", "C"])
    }
}
