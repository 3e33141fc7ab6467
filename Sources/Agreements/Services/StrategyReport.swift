import Fluent
import Platform
import Vapor

/// A strategy with every axis, objective and indicator and their progress for one year: what the
/// dashboard, the API and the CSV export show.
public struct StrategyReport: Content {
    public struct IndicatorLine: Content {
        let id: UUID
        let code: String
        let name: Translated
        let unit: Translated
        let method: Translated?
        let baseline: Double
        let baselineYear: Int
        let direction: String
        let aggregation: String
        let disaggregations: [String]
        let targets: [String: Double]
        let progress: IndicatorProgress
    }

    public struct ObjectiveLine: Content {
        let id: UUID
        let code: String
        let title: Translated
        let progress: RolledUpProgress
        let indicators: [IndicatorLine]
    }

    public struct AxisLine: Content {
        let id: UUID
        let code: String
        let title: Translated
        let progress: RolledUpProgress
        let objectives: [ObjectiveLine]
    }

    let id: UUID
    let slug: String
    let title: Translated
    let ownerID: UUID
    let startYear: Int
    let endYear: Int
    let year: Int
    let progress: RolledUpProgress
    let axes: [AxisLine]
    /// Who authored and changed it, when.
    let history: [WorkflowStepView]

    public static func build(_ strategy: Strategy, year: Int, on db: any Database, now: Date) async throws -> StrategyReport {
        let strategyID = try strategy.requireID()
        let expected = IndicatorProgress.expectedFraction(year: year, on: now)
        let axes = try await StrategyAxis.query(on: db).filter(\.$strategyID == strategyID).sort(\.$position).all()
        let objectives = try await StrategyObjective.query(on: db).filter(\.$axisID ~~ axes.compactMap(\.id))
            .sort(\.$position).all()
        let indicators = try await Indicator.query(on: db).filter(\.$objectiveID ~~ objectives.compactMap(\.id))
            .sort(\.$code).all()
        let measurements = try await Measurement.query(on: db).filter(\.$indicatorID ~~ indicators.compactMap(\.id))
            .filter(\.$year == year).all()
        let byIndicator = Dictionary(grouping: measurements, by: \.indicatorID)

        func indicatorLine(_ indicator: Indicator) throws -> IndicatorLine {
            let id = try indicator.requireID()
            let rows = (byIndicator[id] ?? []).map { (period: $0.period, value: $0.value) }
            let progress = IndicatorProgress.compute(
                year: year, baseline: indicator.baseline, target: indicator.targets["\(year)"],
                direction: indicator.direction, aggregation: indicator.aggregation, measurements: rows, expected: expected)
            return IndicatorLine(
                id: id, code: indicator.code, name: indicator.name, unit: indicator.unit, method: indicator.method,
                baseline: indicator.baseline,
                baselineYear: indicator.baselineYear, direction: indicator.direction.rawValue,
                aggregation: indicator.aggregation.rawValue,
                disaggregations: indicator.disaggregations.split(separator: ",").map(String.init),
                targets: indicator.targets, progress: progress)
        }
        let axisLines = try axes.map { axis -> AxisLine in
            let objectiveLines = try objectives.filter { $0.axisID == axis.id }.map { objective -> ObjectiveLine in
                let lines = try indicators.filter { $0.objectiveID == objective.id }.map(indicatorLine)
                let rolled = RolledUpProgress.combine(lines.map { ($0.progress.ratio, $0.progress.status) }, expected: expected)
                return ObjectiveLine(id: try objective.requireID(), code: objective.code, title: objective.title,
                                     progress: rolled, indicators: lines)
            }
            let rolled = RolledUpProgress.combine(objectiveLines.map { ($0.progress.ratio, $0.progress.status) },
                                                  expected: expected)
            return AxisLine(id: try axis.requireID(), code: axis.code, title: axis.title, progress: rolled,
                            objectives: objectiveLines)
        }
        let overall = RolledUpProgress.combine(axisLines.map { ($0.progress.ratio, $0.progress.status) }, expected: expected)
        return StrategyReport(id: strategyID, slug: strategy.slug, title: strategy.title, ownerID: strategy.ownerID,
                              startYear: strategy.startYear, endYear: strategy.endYear, year: year, progress: overall,
                              axes: axisLines,
                              history: try await WorkflowStepView.history(workflow: "strategy", subjectID: strategyID, on: db))
    }

    /// The indicator table as CSV: code, names, unit, baseline, target and value for the year, status.
    public func csv(language: SiteLanguage) -> String {
        var lines = [CSVText.line(["axis", "objective", "indicator", "name", "unit", "direction", "baseline", "baseline_year",
                                   "year", "target", "value", "achievement", "status"])]
        for axis in axes {
            for objective in axis.objectives {
                for line in objective.indicators {
                    let cells: [String] = [
                        axis.code, objective.code, line.code, line.name.resolve(in: language).text,
                        line.unit.resolve(in: language).text, line.direction, Self.number(line.baseline),
                        "\(line.baselineYear)", "\(year)", line.progress.target.map(Self.number) ?? "",
                        line.progress.value.map(Self.number) ?? "",
                        line.progress.ratio.map { String(format: "%.3f", $0) } ?? "", line.progress.status.rawValue,
                    ]
                    lines.append(CSVText.line(cells))
                }
            }
        }
        return lines.joined()
    }

    /// A stored value as text: whole numbers without a decimal point, never a trapping conversion.
    static func number(_ value: Double) -> String {
        SafeNumber.plainText(value)
    }
}
