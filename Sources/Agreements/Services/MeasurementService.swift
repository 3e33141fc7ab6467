import Directory
import Fluent
import Platform
import Vapor

public enum MeasurementService {
    /// The source of values computed from the Projects room's follow-up reports (`recorded_by` holds how many).
    public static let computedFromReports = "project_reports"
    /// Marks measurements the Capacity room computes from attendance at trainings.
    public static let computedFromAttendance = "capacity_attendance"

    /// Categories allowed for each disaggregation dimension (wilaya codes are checked against the directory).
    public static let categories: [String: Set<String>] = [
        "sex": ["f", "m"],
        "age_group": ["under_18", "18_24", "25_34", "35_plus"],
    ]

    /// `2024`, `2024-Q1`…`Q4` or `2024-01`…`12` (as stored, see `ReportingPeriod`); returns the year.
    public static func year(ofPeriod period: String) -> Int? {
        ReportingPeriod(period)?.year
    }

    /// Records (or replaces) the value of one period, audited.
    public static func record(
        _ input: MeasurementInput, indicatorID: UUID, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> Measurement {
        guard let indicator = try await Indicator.find(indicatorID, on: db) else { throw AgreementsError.indicatorNotFound }
        var errors: [FieldError] = []
        // Read generously (`2026-q3`, `Q3 2026`, Arabic-Indic digits), stored in the one written form.
        let typed = (input.period ?? "").trimmingCharacters(in: .whitespaces)
        let parsed = typed.count <= 40 ? ReportingPeriod(lenient: typed) : nil
        let period = parsed?.text ?? typed
        let year = parsed?.year
        if typed.isEmpty { errors.append(FieldError("period", "validation.required")) }
        else if year == nil { errors.append(FieldError("period", "validation.period")) }
        // Bounded at the edge: nothing stored can overflow a sum or a conversion on the pages that show it.
        let valueError = NumberCheck.decimal(input.value, field: "value", range: NumberRange.measurement)
        if let valueError { errors.append(valueError) }
        let value = input.value ?? 0
        if (input.source ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("source", "validation.required"))
        }
        if valueError == nil {
            errors += try await breakdownErrors(input.breakdown ?? [:], total: value, indicator: indicator, on: db)
        }
        if let year, errors.isEmpty, try await !withinStrategy(year: year, indicator: indicator, on: db) {
            throw AgreementsError.periodOutsideStrategy
        }
        guard errors.isEmpty, let year else { throw ValidationFailure(errors) }

        let source = input.source!.trimmingCharacters(in: .whitespaces)
        return try await db.transaction { tx in
            try await store(indicatorID: indicatorID, period: period, year: year, value: value,
                            breakdown: input.breakdown ?? [:], source: source, recordedBy: "",
                            recordedByUserID: user.id, actor: AuditActor(user), on: tx, now: now)
        }
    }

    /// Records (or replaces) one period's value as given, audited; call inside a transaction. Other rooms use it
    /// for values they compute (the Projects room's follow-up reports).
    @discardableResult
    public static func store(
        indicatorID: UUID, period: String, year: Int, value: Double, breakdown: [String: [String: Double]],
        source: String, recordedBy: String, recordedByUserID: UUID? = nil, actor: AuditActor = .system,
        on db: any Database, now: Date
    ) async throws -> Measurement {
        let existing = try await Measurement.query(on: db).filter(\.$indicatorID == indicatorID)
            .filter(\.$period == period).first()
        let measurement = existing ?? Measurement()
        measurement.indicatorID = indicatorID
        measurement.period = period
        measurement.periodSort = ReportingPeriod(period)?.sortKey ?? 0
        measurement.year = year
        measurement.value = value
        measurement.breakdown = breakdown
        measurement.source = source
        measurement.recordedBy = recordedBy
        measurement.recordedByUserID = recordedByUserID
        try await measurement.save(on: db)
        try await AuditLog.record(on: db, actor: actor,
                                  action: existing == nil ? "measurement.recorded" : "measurement.replaced",
                                  subjectType: "indicator", subjectID: indicatorID.uuidString,
                                  details: ["period": period, "value": String(value)], at: now)
        return measurement
    }

    /// Whether a year falls inside the indicator's strategy (from its baseline year).
    public static func covers(year: Int, indicator: Indicator, on db: any Database) async throws -> Bool {
        try await withinStrategy(year: year, indicator: indicator, on: db)
    }

    static func breakdownErrors(
        _ breakdown: [String: [String: Double]], total: Double, indicator: Indicator, on db: any Database
    ) async throws -> [FieldError] {
        let declared = Set(indicator.disaggregations.split(separator: ",").map(String.init))
        var errors: [FieldError] = []
        for (dimension, values) in breakdown.sorted(by: { $0.key < $1.key }) {
            guard declared.contains(dimension) else {
                errors.append(FieldError("breakdown.\(dimension)", "validation.invalid_choice"))
                continue
            }
            let allowed: Set<String>
            if dimension == "wilaya" {
                allowed = Set(try await Wilaya.query(on: db).all().compactMap(\.id))
            } else {
                allowed = categories[dimension] ?? []
            }
            let outOfRange = values.values.lazy.compactMap {
                NumberCheck.decimal($0, field: "breakdown.\(dimension)", range: NumberRange.measurement)
            }.first
            if values.keys.contains(where: { !allowed.contains($0) }) {
                errors.append(FieldError("breakdown.\(dimension)", "validation.invalid_choice"))
            } else if let outOfRange {
                errors.append(outOfRange)
            } else if abs(values.values.reduce(0, +) - total) > 1e-9 * max(1, abs(total)) {
                errors.append(FieldError("breakdown.\(dimension)", "validation.breakdown_total"))
            }
        }
        return errors
    }

    static func withinStrategy(year: Int, indicator: Indicator, on db: any Database) async throws -> Bool {
        guard let objective = try await StrategyObjective.find(indicator.objectiveID, on: db),
              let axis = try await StrategyAxis.find(objective.axisID, on: db),
              let strategy = try await Strategy.find(axis.strategyID, on: db) else { return false }
        return year >= indicator.baselineYear && year <= strategy.endYear
    }
}
