import Agreements
import Fluent
import Platform
import Vapor

/// Strategy indicators measured from attendance, as project reports measure jobs: each year, the people present at
/// every session of a training or workshop held that year, or the distinct associations they came from (by wilaya
/// when the indicator is broken down by wilaya). Recomputed whenever attendance is taken or the feed is set.
public enum StrategyFeed {
    public static let source = MeasurementService.computedFromAttendance

    /// Sets (`metric`) or removes (nil) an indicator's feed; setting it measures every year with trainings again.
    public static func set(indicatorID: UUID, metric: TrainingMetric?, by user: CurrentUser, on db: any Database,
                           now: Date) async throws
    {
        try user.require(.manageAgreements)
        guard let indicator = try await Indicator.find(indicatorID, on: db) else { throw AgreementsError.indicatorNotFound }
        if metric != nil, indicator.aggregation != .sum {
            throw ValidationFailure([FieldError("metric", "capacity.validation.feed_flow")])
        }
        try await db.transaction { tx in
            try await CapacityIndicatorFeed.query(on: tx).filter(\.$indicatorID == indicatorID).delete()
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "indicator.capacity_feed_set",
                                      subjectType: "indicator", subjectID: indicatorID.uuidString,
                                      details: ["metric": metric?.rawValue ?? ""], at: now)
            guard let metric else { return }
            let feed = CapacityIndicatorFeed()
            (feed.indicatorID, feed.metric) = (indicatorID, metric)
            try await feed.create(on: tx)
            let years = Set(try await CapacityEvent.query(on: tx).filter(\.$kind ~~ [.training, .workshop]).all()
                .map { Needs.year(of: $0.startsAt) })
            for year in years.sorted() { try await measure(year: year, on: tx, now: now) }
        }
    }

    /// Measures every fed indicator for `year` from the attendance of that year's trainings and workshops.
    public static func measure(year: Int, on db: any Database, now: Date) async throws {
        let feeds = try await CapacityIndicatorFeed.query(on: db).all()
        guard !feeds.isEmpty else { return }
        let events = try await CapacityEvent.query(on: db).filter(\.$kind ~~ [.training, .workshop]).all()
            .filter { Needs.year(of: $0.startsAt) == year }
        let people = try await Attendance.completed(events, on: db).map { (organization: $0.organizationID, wilaya: $0.event.wilayaCode) }
        for feed in feeds {
            guard let indicator = try await Indicator.find(feed.indicatorID, on: db),
                  try await MeasurementService.covers(year: year, indicator: indicator, on: db) else { continue }
            var byWilaya: [String: Set<String>] = [:]
            for (index, person) in people.enumerated() {
                let who = feed.metric == .peopleTrained ? "\(index)" : person.organization?.uuidString
                guard let who else { continue }
                byWilaya[person.wilaya ?? "", default: []].insert(who)
            }
            let everyone = byWilaya.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            var breakdown: [String: [String: Double]] = [:]
            if indicator.disaggregations.split(separator: ",").contains("wilaya"), byWilaya[""] == nil {
                breakdown["wilaya"] = byWilaya.mapValues { Double($0.count) }
            }
            // An association trained in two wilayas counts once in the total: the breakdown must still add up.
            if breakdown["wilaya"].map({ $0.values.reduce(0, +) }) != Double(everyone.count) { breakdown = [:] }
            _ = try await MeasurementService.store(
                indicatorID: try indicator.requireID(), period: "\(year)", year: year, value: Double(everyone.count),
                breakdown: breakdown, source: source, recordedBy: "\(events.count)", on: db, now: now)
        }
    }
}
