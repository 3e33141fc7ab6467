import Fluent
import Platform
import Vapor

extension StrategyAuthoring {
    /// One more axis, at the end.
    public static func addAxis(_ input: StrategyInput.AxisInput, to strategy: Strategy, by user: CurrentUser,
                               _ context: ServiceContext) async throws -> StrategyAxis {
        try requireStaff(user)
        var errors: [FieldError] = []
        let strategyID = try strategy.requireID()
        let axis = StrategyAxis()
        axis.strategyID = strategyID
        axis.code = code(input.code, field: "code", into: &errors)
        axis.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        let siblings = try await StrategyAxis.query(on: context.db).filter(\.$strategyID == strategyID).all()
        if siblings.contains(where: { $0.code == axis.code }) { errors.append(FieldError("code", "validation.duplicate")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        axis.position = (siblings.map(\.position).max() ?? 0) + 1
        try await context.db.transaction { tx in
            try await axis.create(on: tx)
            try await record(strategyID, "add_axis", by: user, detail: axis.code, on: tx, at: context.now)
        }
        return axis
    }

    /// One more objective under an axis.
    public static func addObjective(_ input: StrategyInput.ObjectiveInput, to axis: StrategyAxis, by user: CurrentUser,
                                    _ context: ServiceContext) async throws -> StrategyObjective {
        try requireStaff(user)
        var errors: [FieldError] = []
        let axisID = try axis.requireID()
        let objective = StrategyObjective()
        objective.axisID = axisID
        objective.code = code(input.code, field: "code", into: &errors)
        objective.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        let siblings = try await StrategyObjective.query(on: context.db).filter(\.$axisID == axisID).all()
        if siblings.contains(where: { $0.code == objective.code }) { errors.append(FieldError("code", "validation.duplicate")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        objective.position = (siblings.map(\.position).max() ?? 0) + 1
        try await context.db.transaction { tx in
            try await objective.create(on: tx)
            try await record(axis.strategyID, "add_objective", by: user, detail: objective.code, on: tx, at: context.now)
        }
        return objective
    }

    /// One more indicator under an objective.
    public static func addIndicator(_ input: IndicatorInput, to objective: StrategyObjective, by user: CurrentUser,
                                    _ context: ServiceContext) async throws -> Indicator {
        try requireStaff(user)
        let (strategy, _) = try await owner(of: objective, on: context.db)
        var errors: [FieldError] = []
        let indicator = Indicator()
        indicator.objectiveID = try objective.requireID()
        check(input, into: indicator, field: "", years: strategy.years, errors: &errors)
        try await requireFreeIndicatorCodes([indicator.code], except: nil, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await context.db.transaction { tx in
            try await indicator.create(on: tx)
            try await record(strategy.requireID(), "add_indicator", by: user, detail: indicator.code, on: tx, at: context.now)
        }
        return indicator
    }

    /// A new definition of an indicator (its measurements stay).
    public static func updateIndicator(_ indicator: Indicator, with input: IndicatorInput, by user: CurrentUser,
                                       _ context: ServiceContext) async throws {
        try requireStaff(user)
        guard let objective = try await StrategyObjective.find(indicator.objectiveID, on: context.db) else {
            throw AgreementsError.indicatorNotFound
        }
        let (strategy, _) = try await owner(of: objective, on: context.db)
        var errors: [FieldError] = []
        check(input, into: indicator, field: "", years: strategy.years, errors: &errors)
        try await requireFreeIndicatorCodes([indicator.code], except: indicator.id, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await context.db.transaction { tx in
            try await indicator.save(on: tx)
            try await record(strategy.requireID(), "edit_indicator", by: user, detail: indicator.code, on: tx, at: context.now)
        }
    }

    /// The strategy and axis an objective belongs to.
    static func owner(of objective: StrategyObjective, on db: any Database) async throws -> (Strategy, StrategyAxis) {
        guard let axis = try await StrategyAxis.find(objective.axisID, on: db),
              let strategy = try await Strategy.find(axis.strategyID, on: db) else { throw AgreementsError.strategyNotFound }
        return (strategy, axis)
    }
}
