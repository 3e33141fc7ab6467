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

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and fully determined by its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
