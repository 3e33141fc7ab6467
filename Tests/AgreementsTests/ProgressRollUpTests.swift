import Agreements
import Foundation
import Testing

@Suite("Indicator progress and roll-up")
struct ProgressRollUpTests {
    func progress(
        baseline: Double = 0, target: Double? = 100, direction: IndicatorDirection = .increase,
        aggregation: IndicatorAggregation = .sum, _ measurements: [(String, Double)], expected: Double = 1
    ) -> IndicatorProgress {
        IndicatorProgress.compute(year: 2025, baseline: baseline, target: target, direction: direction,
                                  aggregation: aggregation, measurements: measurements.map { (period: $0.0, value: $0.1) },
                                  expected: expected)
    }

    @Test func flowsAddTheirPeriodsAndAnnualFiguresWin() {
        #expect(progress([("2025-Q1", 20), ("2025-Q2", 30)]).value == 50)
        #expect(progress([("2025-Q1", 20), ("2025", 90), ("2025-Q2", 30)]).value == 90)
        #expect(progress([("2024", 500), ("2025-Q1", 20)]).value == 20)
    }

    @Test func levelsTakeTheLatestPeriod() {
        let result = progress(baseline: 10, target: 30, aggregation: .latest, [("2025-03", 14), ("2025-11", 20), ("2025-06", 25)])
        #expect(result.value == 20)
        #expect(result.ratio == 0.5)
        #expect(result.status == .late)
    }

    @Test func periodsCountByTimeNotByTheirText() {
        // As text "2025-Q1" comes after "2025-10": October is the latest level all the same.
        #expect(progress(aggregation: .latest, [("2025-10", 25), ("2025-Q1", 20)]).value == 25)
        // The quarter and the month ending it: the month is the more recent figure.
        #expect(progress(aggregation: .latest, [("2025-12", 7), ("2025-Q4", 9), ("2025-11", 8)]).value == 7)
        // A month inside a recorded quarter is in the quarter's figure already: it is not added twice.
        #expect(progress([("2025-Q1", 20), ("2025-01", 8), ("2025-04", 5)]).value == 25)
    }

    @Test func missingPeriodsLowerTheValueAndNoPeriodMeansNoData() {
        // Half the year gone, two quarters reported: on track; one quarter missing: at risk or late.
        #expect(progress([("2025-Q1", 25), ("2025-Q2", 25)], expected: 0.5).status == .onTrack)
        #expect(progress([("2025-Q1", 40)], expected: 0.5).status == .atRisk)
        #expect(progress([("2025-Q2", 20)], expected: 0.5).status == .late)
        let nothing = progress([("2024-Q4", 80)], expected: 0.5)
        #expect(nothing.status == .noData && nothing.value == nil && nothing.ratio == nil)
        #expect(progress(target: nil, [("2025", 1)]).status == .noTarget)
    }

    @Test func lowerIsBetterLevelsMoveFromBaselineDownToTarget() {
        // Processing time: baseline 60 days, target 40.
        let halfway = progress(baseline: 60, target: 40, direction: .decrease, aggregation: .latest, [("2025", 50)])
        #expect(halfway.ratio == 0.5)
        #expect(halfway.status == .late)
        let reached = progress(baseline: 60, target: 40, direction: .decrease, aggregation: .latest, [("2025", 38)])
        #expect(reached.ratio! > 1 && reached.status == .onTrack)
        let worse = progress(baseline: 60, target: 40, direction: .decrease, aggregation: .latest, [("2025", 70)])
        #expect(worse.ratio == 0 && worse.status == .late)
    }

    @Test func lowerIsBetterFlowsTreatTheTargetAsACeiling() {
        #expect(progress(target: 10, direction: .decrease, [("2025", 8)]).status == .onTrack)
        let over = progress(target: 10, direction: .decrease, [("2025", 16)])
        #expect(over.ratio == 0.625 && over.status == .late)
    }

    @Test func rollUpAveragesCappedAchievementsAndSkipsMissingData() {
        let rolled = RolledUpProgress.combine([(1.6, .onTrack), (0.5, .late), (nil, .noData)], expected: 1)
        #expect(rolled.ratio == 0.75)
        #expect(rolled.status == .atRisk)
        #expect(rolled.counts == ["on_track": 1, "late": 1, "no_data": 1])
        #expect(RolledUpProgress.combine([(nil, .noData)], expected: 1).status == .noData)
        #expect(RolledUpProgress.combine([], expected: 0.3).ratio == nil)
    }

    @Test func expectationFollowsTheCalendar() {
        let midYear = ISO8601DateFormatter().date(from: "2025-07-02T12:00:00Z")!
        #expect(abs(IndicatorProgress.expectedFraction(year: 2025, on: midYear) - 0.5) < 0.01)
        #expect(IndicatorProgress.expectedFraction(year: 2024, on: midYear) == 1)
        #expect(IndicatorProgress.expectedFraction(year: 2026, on: midYear) == 0)
    }
}
