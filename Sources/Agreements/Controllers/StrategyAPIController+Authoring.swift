import Fluent
import Platform
import Vapor

/// Authoring through the API: `POST /api/v1/strategies` (the whole tree), `PATCH` its top fields, and one more axis,
/// objective or indicator, or an indicator's new definition. Each answers with the strategy as `GET` shows it.
extension StrategyAPIController {
    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let strategy = try await StrategyAuthoring.create(try req.content.decode(StrategyInput.self), by: user, req.service)
        let response = try await report(strategy, req).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/strategies/" + strategy.slug)
        return response
    }

    @Sendable func update(req: Request) async throws -> StrategyReport {
        let user = try req.requireUser()
        let strategy = try await Self.strategy(req)
        try await StrategyAuthoring.update(strategy, with: try req.content.decode(StrategyInput.self), by: user, req.service)
        return try await report(strategy, req)
    }

    @Sendable func addAxis(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let strategy = try await Self.strategy(req)
        _ = try await StrategyAuthoring.addAxis(try req.content.decode(StrategyInput.AxisInput.self), to: strategy, by: user,
                                                req.service)
        return try await report(strategy, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func addObjective(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let axis = try await req.find(StrategyAxis.self, id: "id", orElse: AgreementsError.strategyNotFound)
        _ = try await StrategyAuthoring.addObjective(try req.content.decode(StrategyInput.ObjectiveInput.self), to: axis,
                                                     by: user, req.service)
        guard let strategy = try await Strategy.find(axis.strategyID, on: req.db) else { throw AgreementsError.strategyNotFound }
        return try await report(strategy, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func addIndicator(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let objective = try await req.find(StrategyObjective.self, id: "id", orElse: AgreementsError.strategyNotFound)
        _ = try await StrategyAuthoring.addIndicator(try req.content.decode(IndicatorInput.self), to: objective, by: user,
                                                     req.service)
        let (strategy, _) = try await StrategyAuthoring.owner(of: objective, on: req.db)
        return try await report(strategy, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateIndicator(req: Request) async throws -> StrategyReport {
        let user = try req.requireUser()
        let indicator = try await req.find(Indicator.self, id: "id", orElse: AgreementsError.indicatorNotFound)
        try await StrategyAuthoring.updateIndicator(indicator, with: try req.content.decode(IndicatorInput.self), by: user,
                                                    req.service)
        guard let objective = try await StrategyObjective.find(indicator.objectiveID, on: req.db) else {
            throw AgreementsError.indicatorNotFound
        }
        return try await report(try await StrategyAuthoring.owner(of: objective, on: req.db).0, req)
    }

    func report(_ strategy: Strategy, _ req: Request) async throws -> StrategyReport {
        try await StrategyReport.build(strategy, year: try Self.year(req, strategy), on: req.db, now: req.now)
    }
}

/// Action plans and their activities through the API.
extension StrategyAPIController {
    @Sendable func createPlan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await ActionPlanAuthoring.create(try req.content.decode(ActionPlanInput.self), by: user, req.service)
        return try await ActionPlanDTO.load(plan, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func addActivity(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await req.find(ActionPlan.self, id: "id", orElse: AgreementsError.actionPlanNotFound)
        _ = try await ActionPlanAuthoring.addActivity(try req.content.decode(ActionPlanInput.ActivityInput.self), to: plan,
                                                      by: user, req.service)
        return try await ActionPlanDTO.load(plan, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateActivity(req: Request) async throws -> ActionPlanDTO {
        let user = try req.requireUser()
        let activity = try await req.find(Activity.self, id: "id", orElse: AgreementsError.actionPlanNotFound)
        try await ActionPlanAuthoring.updateActivity(activity, with: try req.content.decode(ActionPlanInput.ActivityInput.self),
                                                     by: user, req.service)
        guard let plan = try await ActionPlan.find(activity.actionPlanID, on: req.db) else {
            throw AgreementsError.actionPlanNotFound
        }
        return try await ActionPlanDTO.load(plan, on: req.db)
    }
}
