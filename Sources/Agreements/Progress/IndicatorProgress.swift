import Foundation
import Platform

/// The progress of one indicator in one year.
///
/// - The year's value: for flows (`sum`) an annual figure if one was recorded, else the periods added up (a
///   month of a recorded quarter is in the quarter's figure already, so it is not added again);
///   for levels (`latest`) the most recent period recorded, by time (`ReportingPeriod.isMoreRecent`: the one
///   ending last, never the last by text, where `2026-Q1` came after `2026-10`); an annual figure counts as
///   the year's value either way.
/// - Achievement (`ratio`, 1 = target met): levels go from the baseline to the target,
///   `(value − baseline) / (target − baseline)`, which also works when lower is better; flows that should
///   grow count `value / target`; flows that should stay low (`decrease` + `sum`) treat the target as a
///   ceiling: 1 while under it, `target / value` above it.
/// - Expected by now: 1 for past years, the elapsed fraction of the current year, 0 for future years.
/// - Status: `on_track` when the achievement reaches the expectation, `at_risk` when it reaches three
///   quarters of it, `late` otherwise; `no_data` without a measurement, `no_target` without a target.
public struct IndicatorProgress: Codable, Sendable, Equatable {
    public let year: Int
    public let value: Double?
    public let target: Double?
    public let ratio: Double?
    public let expected: Double
    public let status: ProgressStatus
    public let periodsReported: Int

    public static let atRiskFraction = 0.75

    public static func compute(
        year: Int, baseline: Double, target: Double?, direction: IndicatorDirection, aggregation: IndicatorAggregation,
        measurements: [(period: String, value: Double)], expected: Double
    ) -> IndicatorProgress {
        let inYear = measurements.filter { ReportingPeriod($0.period)?.year == year }
        // Values stored before inputs were bounded may not add up to a number: such a year has no usable data.
        let value = yearValue(inYear, year: year, aggregation: aggregation).flatMap { $0.isFinite ? $0 : nil }
        guard let target else {
            return IndicatorProgress(year: year, value: value, target: nil, ratio: nil, expected: expected,
                                     status: .noTarget, periodsReported: inYear.count)
        }
        guard let value else {
            return IndicatorProgress(year: year, value: nil, target: target, ratio: nil, expected: expected,
                                     status: .noData, periodsReported: 0)
        }
        let ratio = achievement(value: value, baseline: baseline, target: target, direction: direction,
                                aggregation: aggregation)
        guard ratio.isFinite else {
            return IndicatorProgress(year: year, value: value, target: target, ratio: nil, expected: expected,
                                     status: .noData, periodsReported: inYear.count)
        }
        return IndicatorProgress(year: year, value: value, target: target, ratio: ratio, expected: expected,
                                 status: status(ratio: ratio, expected: expected), periodsReported: inYear.count)
    }

    static func yearValue(_ rows: [(period: String, value: Double)], year: Int, aggregation: IndicatorAggregation) -> Double? {
        guard !rows.isEmpty else { return nil }
        if let annual = rows.first(where: { $0.period == "\(year)" }) { return annual.value }
        switch aggregation {
        case .sum:
            // A period inside another recorded one (a month of a recorded quarter) is counted in it already: only
            // the outermost periods add up, as an annual figure wins over the periods of its year.
            let periods = rows.compactMap { row in ReportingPeriod(row.period).map { (value: row.value, period: $0) } }
            let outermost = periods.filter { row in !periods.contains { $0.period != row.period && $0.period.contains(row.period) } }
            return outermost.reduce(0) { $0 + $1.value }
        case .latest: return ReportingPeriod.latest(rows, period: { $0.period })?.value
        }
    }

    static func achievement(
        value: Double, baseline: Double, target: Double, direction: IndicatorDirection, aggregation: IndicatorAggregation
    ) -> Double {
        switch (aggregation, direction) {
        case (.sum, .increase):
            return target == 0 ? 1 : max(0, value / target)
        case (.sum, .decrease):
            return value <= target ? 1 : (value == 0 ? 1 : max(0, target / value))
        case (.latest, _):
            if target == baseline {
                let met = direction == .increase ? value >= target : value <= target
                return met ? 1 : 0
            }
            return max(0, (value - baseline) / (target - baseline))
        }
    }

    /// On track, at risk or late, for an achievement against what was expected by now.
    public static func status(ratio: Double, expected: Double) -> ProgressStatus {
        if ratio >= expected { return .onTrack }
        if ratio >= expected * atRiskFraction { return .atRisk }
        return .late
    }

    /// The fraction of `year` elapsed on `date` (UTC): 0 before it, 1 after it.
    public static func expectedFraction(year: Int, on date: Date) -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
              let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return 1 }
        if date <= start { return 0 }
        if date >= end { return 1 }
        return date.timeIntervalSince(start) / end.timeIntervalSince(start)
    }
}
