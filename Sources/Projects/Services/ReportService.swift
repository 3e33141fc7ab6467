import Agreements
import Directory
import Fluent
import Platform
import Vapor

public enum ReportService {
    /// The categories of each breakdown dimension (as the strategy indicators use them).
    static let dimensions: [String: Set<String>] = MeasurementService.categories
    /// Reports are filed while the project runs (and once it is over, for its last period).
    static let reportingStates: Set<ProjectState> = [.inProgress, .suspended, .completed]
    /// Marks measurements the reports compute, so pages can say where the figure comes from.
    public static let feedSource = MeasurementService.computedFromReports

    /// Every problem of a report at once (no database access).
    static func validate(_ input: ReportInput, now: Date) -> (ProjectReport, [FieldError]) {
        var errors: [FieldError] = []
        // Read generously (`2026-q3`, `Q3 2026`, `07/2026`, Arabic-Indic digits), stored in the one written form.
        let typed = Validate.text(input.period, field: "period", max: 20, into: &errors)
        let period = typed.isEmpty || typed.count > 20 ? nil : ReportingPeriod(lenient: typed)
        if !typed.isEmpty, typed.count <= 20 {
            if period == nil || period?.length == .year {
                errors.append(FieldError("period", "validation.period_quarter_or_month"))
            } else if let period, period.firstMonth > ReportingPeriod.month(of: now).firstMonth {
                errors.append(FieldError("period", "validation.period_future"))
            }
        }
        let report = ProjectReport()
        if let period { report.setPeriod(period) } else { report.period = typed }
        report.narrative = Validate.text(input.narrative, field: "narrative", max: 4000, into: &errors)
        report.milestones = Validate.text(input.milestones, field: "milestones", max: 2000, required: false, into: &errors)
        report.jobsCreated = Validate.number(input.jobsCreated, field: "jobs_created", range: 0...100_000, into: &errors)
        report.jobsCreatedBreakdown = Validate.breakdown(input.jobsCreatedBreakdown, total: report.jobsCreated,
                                                         field: "jobs_created_breakdown", into: &errors)
        report.jobsSustained = Validate.number(input.jobsSustained, field: "jobs_sustained", range: 0...100_000, into: &errors)
        report.jobsSustainedBreakdown = Validate.breakdown(input.jobsSustainedBreakdown, total: report.jobsSustained,
                                                           field: "jobs_sustained_breakdown", into: &errors)
        report.beneficiaries = Validate.number(input.beneficiaries, field: "beneficiaries", range: NumberRange.people, into: &errors)
        report.revenueMinor = Validate.number(input.revenueMinor, field: "revenue_minor", range: NumberRange.moneyMinor,
                                              into: &errors)
        report.volunteers = Validate.number(input.volunteers, field: "volunteers", range: 0...1_000_000, into: &errors)
        return (report, errors)
    }

    public static func file(
        _ input: ReportInput, for project: Project, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> ProjectReport {
        try await requireReporter(user, of: project, on: db)
        guard reportingStates.contains(project.state) else { throw ProjectsError.reportNotAllowed }
        let (report, errors) = validate(input, now: now)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let projectID = try project.requireID(), period = report.period
        guard let stretch = ReportingPeriod(period) else { throw ValidationFailure([FieldError("period", "validation.period_quarter_or_month")]) }
        // One report per stretch of time: a month and the quarter holding it would count the same jobs twice.
        let filed = try await ProjectReport.query(on: db).filter(\.$projectID == projectID).sort(\.$periodSort).all()
            .map(\.period)
        if let clash = filed.first(where: { ReportingPeriod($0)?.overlaps(stretch) ?? ($0 == period) }) {
            throw ProjectsError.reportAlreadyFiled(period: clash)
        }
        report.projectID = projectID
        report.authorID = user.id
        report.authorName = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        report.filedAt = now
        try await db.transaction { tx in
            try await report.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "project.report_filed", subjectType: "project",
                                      subjectID: projectID.uuidString, details: ["period": period], at: now)
            try await feedIndicators(year: stretch.year, on: tx, now: now)
        }
        return report
    }

    /// Binds an indicator to a figure of the reports (or unbinds it), in one transaction with the recomputation of
    /// every year that has reports. The figure and the indicator must aggregate alike (`ReportMetric.aggregation`):
    /// jobs created add up over periods (an indicator that sums), the levels are taken at the latest period (an
    /// indicator that takes the latest); otherwise jobs sustained 4 and 4 would make 8.
    static func setFeed(indicatorID: UUID, metric: ReportMetric?, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        if let metric, let indicator = try await Indicator.find(indicatorID, on: db), indicator.aggregation != metric.aggregation {
            throw ValidationFailure([FieldError("metric", metric.aggregation == .sum ? "validation.feed_flow" : "validation.feed_level")])
        }
        try await db.transaction { tx in
            try await IndicatorFeed.query(on: tx).filter(\.$indicatorID == indicatorID).delete()
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "indicator.feed_set", subjectType: "indicator",
                                      subjectID: indicatorID.uuidString, details: ["metric": metric?.rawValue ?? ""], at: now)
            guard let metric else { return }
            try await IndicatorFeed(indicatorID: indicatorID, metric: metric).create(on: tx)
            let years = Set(try await ProjectReport.query(on: tx).all().compactMap { ReportingPeriod($0.period)?.year })
            for year in years.sorted() { try await feedIndicators(year: year, on: tx, now: now) }
        }
    }

    /// Recomputes, for every period of `year` that has reports, every strategy indicator fed by the reports,
    /// split as the indicator declares (sex, age group, wilaya):
    /// - a flow (jobs created) is the sum, over all projects, of the reports within that period (a quarter holds
    ///   the quarterly reports and the monthly ones of its months; the indicator adds up only its outermost
    ///   periods, so every report counts once in the year);
    /// - a level (jobs sustained, beneficiaries, volunteers) is, over all projects, the sum of each project's most
    ///   recent report of the year that ends by the end of that period: a project that reported for the quarter
    ///   still counts in another project's later month, so the indicator's latest period holds the whole level.
    static func feedIndicators(year: Int, on db: any Database, now: Date) async throws {
        let feeds = try await IndicatorFeed.query(on: db).all()
        guard !feeds.isEmpty else { return }
        let first = ReportingPeriod(year: year, length: .year)?.sortKey ?? 0
        let reports = try await ProjectReport.query(on: db).filter(\.$periodSort >= first).filter(\.$periodSort < first + 1200)
            .sort(\.$periodSort).all()
            .compactMap { report in ReportingPeriod(report.period).map { (report: report, period: $0) } }
            .filter { $0.period.year == year }
        let periods = Set(reports.map(\.period)).sorted()
        let projects = try await Project.query(on: db).filter(\.$id ~~ Set(reports.map(\.report.projectID))).all()
        let wilayaOf = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project.wilayaCode) } })
        let byProject = Dictionary(grouping: reports, by: \.report.projectID)
        for feed in feeds {
            guard let indicator = try await Indicator.find(feed.indicatorID, on: db),
                  try await MeasurementService.covers(year: year, indicator: indicator, on: db) else { continue }
            let declared = Set(indicator.disaggregations.split(separator: ",").map(String.init))
            let indicatorID = try indicator.requireID()
            let stored = try await Measurement.query(on: db).filter(\.$indicatorID == indicatorID).filter(\.$year == year).all()
            for period in periods {
                let counted: [ProjectReport]
                switch feed.metric.aggregation {
                case .sum:
                    counted = reports.filter { period.contains($0.period) }.map(\.report)
                case .latest:
                    counted = byProject.values.compactMap { filed in
                        ReportingPeriod.latest(filed.filter { $0.period.lastMonth <= period.lastMonth }, period: { $0.period.text })?
                            .report
                    }
                }
                var total = 0.0
                var breakdown: Breakdown = [:]
                for report in counted {
                    let (value, split) = figure(feed.metric, of: report)
                    total += value
                    for (dimension, values) in split where declared.contains(dimension) {
                        for (category, amount) in values { breakdown[dimension, default: [:]][category, default: 0] += amount }
                    }
                    if declared.contains("wilaya"), let wilaya = wilayaOf[report.projectID] {
                        breakdown["wilaya", default: [:]][wilaya, default: 0] += value
                    }
                }
                // A dimension only some reports split is incomplete: keep the ones that add up to the total.
                breakdown = breakdown.filter { abs($0.value.values.reduce(0, +) - total) < 1e-9 }
                // Periods the new report leaves as they were are not written (nor audited) again.
                if let same = stored.first(where: { $0.period == period.text }), same.value == total, same.breakdown == breakdown,
                   same.source == feedSource, same.recordedBy == "\(counted.count)" { continue }
                try await MeasurementService.store(
                    indicatorID: indicatorID, period: period.text, year: year, value: total, breakdown: breakdown,
                    source: feedSource, recordedBy: "\(counted.count)", on: db, now: now)
            }
        }
    }

    /// The association's representatives file reports; so may coordinators (who record follow-ups and review).
    static func requireReporter(_ user: CurrentUser, of project: Project, on db: any Database) async throws {
        if user.may(.reviewProjects), user.may(.recordFollowUp) { return }
        guard try await Representation.represents(userID: user.id, organizationID: project.organizationID, on: db) else {
            throw ProjectsError.notYourProject
        }
    }

    static func figure(_ metric: ReportMetric, of report: ProjectReport) -> (Double, Breakdown) {
        switch metric {
        case .jobsCreated: (Double(report.jobsCreated), report.jobsCreatedBreakdown)
        case .jobsSustained: (Double(report.jobsSustained), report.jobsSustainedBreakdown)
        case .beneficiaries: (Double(report.beneficiaries), [:])
        case .volunteers: (Double(report.volunteers), [:])
        }
    }
}
