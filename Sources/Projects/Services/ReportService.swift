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
        let period = Validate.text(input.period, field: "period", max: 7, into: &errors)
        if !period.isEmpty, MeasurementService.year(ofPeriod: period) == nil { errors.append(FieldError("period", "validation.period")) }
        else if !period.isEmpty, !period.contains("-") { errors.append(FieldError("period", "validation.period_quarter_or_month")) }
        else if let start = startMonth(of: period), start > startMonth(of: String(ISODate.string(now).prefix(7)))! {
            errors.append(FieldError("period", "validation.period_future"))
        }
        let report = ProjectReport()
        report.period = period
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
        // One report per stretch of time: a month and the quarter holding it would count the same jobs twice.
        let filed = try await ProjectReport.query(on: db).filter(\.$projectID == projectID).all().map(\.period)
        if let clash = filed.first(where: { months(of: $0).overlaps(months(of: period)) }) {
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
            try await feedIndicators(period: period, on: tx, now: now)
        }
        return report
    }

    /// Binds an indicator to a figure of the reports (or unbinds it), in one transaction with the recomputation of
    /// every period that has reports.
    static func setFeed(indicatorID: UUID, metric: ReportMetric?, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        try await db.transaction { tx in
            try await IndicatorFeed.query(on: tx).filter(\.$indicatorID == indicatorID).delete()
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "indicator.feed_set", subjectType: "indicator",
                                      subjectID: indicatorID.uuidString, details: ["metric": metric?.rawValue ?? ""], at: now)
            guard let metric else { return }
            try await IndicatorFeed(indicatorID: indicatorID, metric: metric).create(on: tx)
            let periods = Set(try await ProjectReport.query(on: tx).all().map(\.period))
            for period in periods.sorted() { try await feedIndicators(period: period, on: tx, now: now) }
        }
    }

    /// Recomputes, for one period, every strategy indicator fed by the reports: the sum of the figure over all
    /// projects' reports of that period, split as the indicator declares (sex, age group, wilaya).
    static func feedIndicators(period: String, on db: any Database, now: Date) async throws {
        let feeds = try await IndicatorFeed.query(on: db).all()
        guard !feeds.isEmpty, let year = MeasurementService.year(ofPeriod: period) else { return }
        let reports = try await ProjectReport.query(on: db).filter(\.$period == period).all()
        let projects = try await Project.query(on: db).filter(\.$id ~~ Set(reports.map(\.projectID))).all()
        let wilayaOf = Dictionary(uniqueKeysWithValues: projects.compactMap { project in project.id.map { ($0, project.wilayaCode) } })
        for feed in feeds {
            guard let indicator = try await Indicator.find(feed.indicatorID, on: db),
                  try await MeasurementService.covers(year: year, indicator: indicator, on: db) else { continue }
            let declared = Set(indicator.disaggregations.split(separator: ",").map(String.init))
            var total = 0.0
            var breakdown: Breakdown = [:]
            for report in reports {
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
            try await MeasurementService.store(
                indicatorID: try indicator.requireID(), period: period, year: year, value: total, breakdown: breakdown,
                source: feedSource, recordedBy: "\(reports.count)", on: db, now: now)
        }
    }

    /// The association's representatives file reports; so may coordinators (who record follow-ups and review).
    static func requireReporter(_ user: CurrentUser, of project: Project, on db: any Database) async throws {
        if user.may(.reviewProjects), user.may(.recordFollowUp) { return }
        guard try await Representation.represents(userID: user.id, organizationID: project.organizationID, on: db) else {
            throw ProjectsError.notYourProject
        }
    }

    /// The months a period covers, as `year * 12 + month`.
    static func months(of period: String) -> ClosedRange<Int> {
        guard let start = startMonth(of: period) else { return 0...0 }
        if !period.contains("-") { return start...(start + 11) }
        return period.contains("Q") ? start...(start + 2) : start...start
    }

    /// `year * 12 + month` of a period's first month (`2026-Q3` → July 2026).
    static func startMonth(of period: String) -> Int? {
        guard let year = MeasurementService.year(ofPeriod: period) else { return nil }
        let rest = period.split(separator: "-").dropFirst().first
        guard let rest else { return year * 12 + 1 }
        if rest.hasPrefix("Q"), let quarter = Int(rest.dropFirst()) { return year * 12 + (quarter - 1) * 3 + 1 }
        return Int(rest).map { year * 12 + $0 }
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
