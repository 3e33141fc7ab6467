import Participation
import Testing

/// The rule that keeps small counts out of breakdowns, checked on written cases and on every row of small
/// random counts.
@Suite("Survey suppression: no count under ten shown or deducible")
struct SurveySuppressionTests {
    @Test(arguments: [
        // nothing small: all shown
        ([12, 30, 10], Set<Int>()),
        // one small cell: the smallest other goes with it, so the total does not give it away
        ([12, 30, 4], [2, 0]),
        // two small cells summing to under ten: a third goes too
        ([3, 4, 25, 40], [0, 1, 2]),
        // two small cells that add up to ten or more: enough
        ([6, 7, 25], [0, 1]),
        // a zero is a count under ten
        ([0, 15, 20], [0, 1]),
        // small everywhere: the whole row (its total is shown anyway)
        ([2, 3], [0, 1]),
        ([9], [0]),
        ([], Set<Int>()),
    ] as [([Int], Set<Int>)])
    func withheldCells(counts: [Int], withheld: Set<Int>) {
        #expect(SurveySuppression.withheld(counts) == withheld)
    }

    @Test func noRowShowsASmallCountOrLetsOneBeDeducedFromItsTotal() {
        var generator = SplitMix(seed: 2026)
        for _ in 0..<5_000 {
            // act
            let counts = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Int.random(in: 0...40, using: &generator) }
            let hidden = SurveySuppression.withheld(counts)

            // assert
            let shown = counts.indices.filter { !hidden.contains($0) }
            #expect(shown.allSatisfy { counts[$0] >= SurveySuppression.threshold }, "\(counts)")
            let residual = hidden.reduce(0) { $0 + counts[$1] }
            #expect(hidden.isEmpty || hidden.count == counts.count || (hidden.count >= 2 && residual >= 10), "\(counts)")
            // no more than needed: withholding stops once the rule holds (at most one extra cell per step)
            #expect(hidden.count <= counts.filter { $0 < 10 }.count + 1 || hidden.count == counts.count, "\(counts)")
        }
    }
}

/// A small deterministic generator, so that a failure names a row that can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
