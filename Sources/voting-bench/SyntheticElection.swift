import Voting

/// A deterministic synthetic approval election, for benchmarking at a scale no real file has.
///
/// Costs are drawn between 20,000 and 800,000 (whole thousands); each project gets a popularity
/// between 1% and 26% (skewed low, as real PB is), each voter approves each project with that
/// probability, and the budget is 30% of the total cost. The same seed gives the same election.
struct SyntheticElection {
    var voters: Int
    var projects: Int
    var seed: UInt64

    func profile() -> PBProfile {
        var random = SplitMix64(seed: seed)
        let costs = (0..<projects).map { _ in Int64(20 + random.next() % 781) * 1_000 }
        let popularity = (0..<projects).map { _ -> Double in
            let draw = random.nextUnit()
            return 0.01 + 0.25 * draw * draw
        }
        let ballots = (0..<voters).map { _ in
            (0..<projects).filter { random.nextUnit() < popularity[$0] }
        }
        let budget = costs.reduce(0, +) * 3 / 10
        return PBProfile(
            projectIDs: (1...projects).map { "p\($0)" }, costs: costs, budget: budget, ballots: ballots)
    }
}
