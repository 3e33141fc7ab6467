import Fluent
import Platform
import Vapor

/// The strategy dashboard (axes → objectives → indicators with server-drawn bars), indicator pages
/// where staff record measurements, and the yearly action plans.
struct StrategyWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(AgreementsSiteURL.strategies.pathComponents, use: list)
        let one = AgreementsSiteURL.strategies.pathComponents + [":strategy"]
        routes.get(one, use: dashboard)
        routes.get(one + ["indicators", ":id"], use: indicator)
        routes.post(one + ["indicators", ":id"], use: record)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let pageQuery = try PageQuery(from: req)
        let (rows, total) = try await AgreementsQueries.strategies(pageQuery, on: req.db)
        let items = rows.map {
            ListContext.Item(id: $0.id?.uuidString ?? "", slug: $0.slug, title: LocalizedText($0.title, in: req.language),
                             years: "\($0.startYear)–\($0.endYear)")
        }
        return try await req.render("agreements/strategies", ListContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.list_title"), strategies: items,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path),
            canAuthor: req.currentUser?.may(.manageAgreements) == true))
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let strategy = try await StrategyAPIController.strategy(req)
        let year = try StrategyAPIController.year(req, strategy)
        let report = try await StrategyReport.build(strategy, year: year, on: req.db, now: req.now)
        let language = req.language
        func bar(_ ratio: Double?, _ expected: Double, _ status: ProgressStatus) -> ProgressBar {
            // The label says the real achievement (it may pass 100 %); the bar stops at its end.
            let percent = SafeNumber.percent(ratio, cap: Int.max / 2).map { "\($0)" } ?? "—"
            return ProgressBar(ratio: ratio, expected: expected, status: status, language: language,
                               label: req.t("strategy.bar_label", percent, "\(SafeNumber.percent(expected) ?? 0)",
                                            req.t("progress.status." + status.rawValue)))
        }
        var rows: [Row] = []
        let base = AgreementsSiteURL.strategies.path(in: language) + "/" + strategy.slug
        for axis in report.axes {
            rows.append(Row(level: "axis", code: axis.code, title: LocalizedText(axis.title, in: language),
                            bar: bar(axis.progress.ratio, axis.progress.expected, axis.progress.status),
                            status: axis.progress.status.rawValue, value: "", target: "", unit: "", link: nil))
            for objective in axis.objectives {
                rows.append(Row(level: "objective", code: objective.code, title: LocalizedText(objective.title, in: language),
                                bar: bar(objective.progress.ratio, objective.progress.expected, objective.progress.status),
                                status: objective.progress.status.rawValue, value: "", target: "", unit: "", link: nil))
                for line in objective.indicators {
                    rows.append(Row(
                        level: "indicator", code: line.code, title: LocalizedText(line.name, in: language),
                        bar: bar(line.progress.ratio, line.progress.expected, line.progress.status),
                        status: line.progress.status.rawValue, value: line.progress.value.map(StrategyReport.number) ?? "—",
                        target: line.progress.target.map(StrategyReport.number) ?? "—",
                        unit: line.unit.resolve(in: language).text, link: base + "/indicators/" + line.id.uuidString))
                }
            }
        }
        let plans = try await ActionPlan.query(on: req.db).filter(\.$strategyID == strategy.requireID()).filter(\.$year == year)
            .all()
        var planViews: [DashboardContext.Plan] = []
        for plan in plans {
            let activities = try await Activity.query(on: req.db).filter(\.$actionPlanID == plan.requireID()).all().map {
                DashboardContext.ActivityRow(
                    title: LocalizedText($0.title, in: language), state: $0.state.rawValue,
                    budget: MoneyText.format($0.budgetMinor, currency: $0.currency, in: language, catalog: req.application.catalog),
                    dates: [$0.startsOn, $0.endsOn].compactMap { $0 }.joined(separator: " → "))
            }
            planViews.append(.init(title: LocalizedText(plan.title, in: language), activities: activities))
        }
        let context = DashboardContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.title", strategy.title.resolve(in: language).text),
            title: LocalizedText(strategy.title, in: language), year: year,
            years: Array(strategy.startYear...strategy.endYear),
            overall: bar(report.progress.ratio, report.progress.expected, report.progress.status), rows: rows,
            plans: planViews, csvLink: "/api/v1/strategies/\(strategy.slug)/indicators.csv?year=\(year)", slug: strategy.slug,
            canAuthor: req.currentUser?.may(.manageAgreements) == true)
        return try await req.render("agreements/strategy", context)
    }
}
