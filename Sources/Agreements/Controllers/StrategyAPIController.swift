import Fluent
import Platform
import Vapor

/// `/api/v1/strategies`, `/api/v1/indicators/{id}/measurements`, `/api/v1/action-plans`.
struct StrategyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let strategies = routes.grouped("api", "v1", "strategies")
        strategies.get(use: list)
        strategies.get(":strategy", use: show)
        strategies.get(":strategy", "indicators.csv", use: indicatorsCSV)
        strategies.post(use: create)
        strategies.patch(":strategy", use: update)
        strategies.post(":strategy", "axes", use: addAxis)
        routes.post("api", "v1", "strategy-axes", ":id", "objectives", use: addObjective)
        routes.post("api", "v1", "strategy-objectives", ":id", "indicators", use: addIndicator)
        routes.patch("api", "v1", "indicators", ":id", use: updateIndicator)
        let measurements = routes.grouped("api", "v1", "indicators", ":id", "measurements")
        measurements.get(use: measurementsList)
        measurements.post(use: record)
        let plans = routes.grouped("api", "v1", "action-plans")
        plans.get(use: actionPlans)
        plans.get(":id", use: actionPlan)
        plans.post(use: createPlan)
        plans.post(":id", "activities", use: addActivity)
        routes.patch("api", "v1", "activities", ":id", use: updateActivity)
    }

    @Sendable func list(req: Request) async throws -> Paged<StrategyItem> {
        let page = try PageQuery(from: req)
        let (rows, total) = try await AgreementsQueries.strategies(page, on: req.db)
        let items = try rows.map {
            StrategyItem(id: try $0.requireID(), slug: $0.slug, title: $0.title, startYear: $0.startYear, endYear: $0.endYear)
        }
        return Paged(items: items, request: page, total: total)
    }

    @Sendable func show(req: Request) async throws -> StrategyReport {
        let strategy = try await Self.strategy(req)
        return try await StrategyReport.build(strategy, year: try Self.year(req, strategy), on: req.db, now: req.now)
    }

    @Sendable func indicatorsCSV(req: Request) async throws -> Response {
        let strategy = try await Self.strategy(req)
        let report = try await StrategyReport.build(strategy, year: try Self.year(req, strategy), on: req.db, now: req.now)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition,
                             value: "attachment; filename=\"\(strategy.slug)-indicators-\(report.year).csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: report.csv(language: req.language)))
    }

    @Sendable func measurementsList(req: Request) async throws -> Paged<MeasurementDTO> {
        let id = try await Self.indicatorID(req)
        let page = try PageQuery(from: req)
        let (rows, total) = try await AgreementsQueries.measurements(of: id, page, on: req.db)
        let authors = try await req.authorNames(rows.map(\.recordedByUserID))
        return Paged(items: try rows.map { try MeasurementDTO($0, authors: authors) }, request: page, total: total)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let user = try req.require(.recordMeasurements)
        let id = try await Self.indicatorID(req)
        let measurement = try await MeasurementService.record(try req.content.decode(MeasurementInput.self),
                                                              indicatorID: id, by: user, on: req.db, now: req.now)
        let authors = try await req.authorNames([measurement.recordedByUserID])
        return try await MeasurementDTO(measurement, authors: authors).encodeResponse(status: .created, for: req)
    }

    @Sendable func actionPlans(req: Request) async throws -> Paged<ActionPlanDTO> {
        let page = try PageQuery(from: req)
        var query = ActionPlan.query(on: req.db).sort(\.$year)
        if let raw = req.query[String.self, at: "year"], !raw.isEmpty {
            guard let year = Int(raw), (1900...2200).contains(year) else {
                throw ValidationFailure([FieldError("year", "validation.range", "1900", "2200")])
            }
            query = query.filter(\.$year == year)
        }
        let total = try await query.count()
        var items: [ActionPlanDTO] = []
        for plan in try await query.range(page.range).all() { items.append(try await ActionPlanDTO.load(plan, on: req.db)) }
        return Paged(items: items, request: page, total: total)
    }

    @Sendable func actionPlan(req: Request) async throws -> ActionPlanDTO {
        guard let id = req.parameters.get("id", as: UUID.self), let plan = try await ActionPlan.find(id, on: req.db) else {
            throw AgreementsError.actionPlanNotFound
        }
        return try await ActionPlanDTO.load(plan, on: req.db)
    }

    static func strategy(_ req: Request) async throws -> Strategy {
        try await req.find(Strategy.self, "strategy", orElse: AgreementsError.strategyNotFound)
    }

    /// `?year=` within the strategy's years, else the current year clamped into them.
    static func year(_ req: Request, _ strategy: Strategy) throws -> Int {
        if let raw = req.query[String.self, at: "year"], !raw.isEmpty {
            guard let year = Int(raw), (strategy.startYear...strategy.endYear).contains(year) else {
                throw ValidationFailure([FieldError("year", "validation.range", "\(strategy.startYear)", "\(strategy.endYear)")])
            }
            return year
        }
        let current = Calendar(identifier: .gregorian).component(.year, from: req.now)
        return min(max(current, strategy.startYear), strategy.endYear)
    }

    static func indicatorID(_ req: Request) async throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self), try await Indicator.find(id, on: req.db) != nil else {
            throw AgreementsError.indicatorNotFound
        }
        return id
    }
}
