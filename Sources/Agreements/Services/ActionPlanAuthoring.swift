import Directory
import Fluent
import Platform
import Vapor

/// Staff author a strategy's yearly action plans and their activities, each change in the strategy's history.
public enum ActionPlanAuthoring {
    static let currencies: Set<String> = ["DZD", "EUR", "USD"]

    public static func create(_ input: ActionPlanInput, by user: CurrentUser, _ context: ServiceContext) async throws
        -> ActionPlan {
        try user.require(.manageAgreements)
        var errors: [FieldError] = []
        let key = input.strategy ?? input.strategyID?.key
        let strategy = try await key.asyncMap { try await Strategy.find(idOrSlug: $0, on: context.db) } ?? nil
        if strategy == nil { errors.append(FieldError("strategy", key == nil ? "validation.required" : "validation.invalid_choice")) }
        let plan = ActionPlan()
        plan.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        plan.year = Validate.number(input.year, field: "year", range: (strategy?.startYear ?? 2000)...(strategy?.endYear ?? 2100),
                                    into: &errors)
        var checked: [Activity] = []
        for (index, activity) in (input.activities ?? []).enumerated() {
            checked.append(try await check(activity, field: "activities[\(index)]", strategy: strategy, on: context.db,
                                           into: &errors))
        }
        let activities = checked
        guard errors.isEmpty, let strategy else { throw ValidationFailure(errors) }
        plan.strategyID = try strategy.requireID()
        try await context.db.transaction { tx in
            try await plan.create(on: tx)
            for activity in activities {
                activity.actionPlanID = try plan.requireID()
                try await activity.create(on: tx)
            }
            try await StrategyAuthoring.record(plan.strategyID, "add_plan", by: user, detail: "\(plan.year)", on: tx,
                                               at: context.now)
        }
        return plan
    }

    public static func addActivity(_ input: ActionPlanInput.ActivityInput, to plan: ActionPlan, by user: CurrentUser,
                                   _ context: ServiceContext) async throws -> Activity {
        try user.require(.manageAgreements)
        var errors: [FieldError] = []
        let strategy = try await Strategy.find(plan.strategyID, on: context.db)
        let activity = try await check(input, field: "", strategy: strategy, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        activity.actionPlanID = try plan.requireID()
        try await context.db.transaction { tx in
            try await activity.create(on: tx)
            try await StrategyAuthoring.record(plan.strategyID, "add_activity", by: user, detail: "\(plan.year)", on: tx,
                                               at: context.now)
        }
        return activity
    }

    /// An activity's new definition (its state too: planned, in progress, done, cancelled).
    public static func updateActivity(_ activity: Activity, with input: ActionPlanInput.ActivityInput, by user: CurrentUser,
                                      _ context: ServiceContext) async throws {
        try user.require(.manageAgreements)
        guard let plan = try await ActionPlan.find(activity.actionPlanID, on: context.db) else {
            throw AgreementsError.actionPlanNotFound
        }
        var errors: [FieldError] = []
        let checked = try await check(input, field: "", strategy: try await Strategy.find(plan.strategyID, on: context.db),
                                      on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        activity.title = checked.title
        activity.objectiveID = checked.objectiveID
        activity.responsibleID = checked.responsibleID
        activity.startsOn = checked.startsOn
        activity.endsOn = checked.endsOn
        activity.state = checked.state
        activity.budgetMinor = checked.budgetMinor
        activity.currency = checked.currency
        try await context.db.transaction { tx in
            try await activity.save(on: tx)
            try await StrategyAuthoring.record(plan.strategyID, "edit_activity", by: user, detail: "\(plan.year)", on: tx,
                                               at: context.now)
        }
    }

    static func check(_ input: ActionPlanInput.ActivityInput, field prefix: String, strategy: Strategy?, on db: any Database,
                      into errors: inout [FieldError]) async throws -> Activity {
        func name(_ field: String) -> String { prefix.isEmpty ? field : prefix + "." + field }
        let activity = Activity()
        activity.title = Validate.translated(input.title, field: name("title"), max: 300, into: &errors)
        if let objective = input.objectiveID {
            let found = try await StrategyObjective.find(objective, on: db)
            let axis = try await found.asyncMap { try await StrategyAxis.find($0.axisID, on: db) } ?? nil
            if axis == nil || axis?.strategyID != strategy?.id {
                errors.append(FieldError(name("objective_id"), "validation.invalid_choice"))
            }
        }
        activity.objectiveID = input.objectiveID
        if let responsible = input.responsibleID {
            if let organization = try await Organization.find(idOrSlug: responsible.key, on: db) {
                activity.responsibleID = organization.id
            } else {
                errors.append(FieldError(name("responsible_id"), "validation.invalid_choice"))
            }
        }
        for (field, value, keyPath) in [("starts_on", input.startsOn, \Activity.startsOn), ("ends_on", input.endsOn, \.endsOn)] {
            let text = Validate.trimmed(value)
            if let error = ISODate.check(text, field: name(field), required: false) { errors.append(error) }
            activity[keyPath: keyPath] = text
        }
        if let starts = activity.startsOn, let ends = activity.endsOn, ends < starts {
            errors.append(FieldError(name("ends_on"), "validation.end_before_start"))
        }
        activity.state = Validate.choice(input.state ?? ActivityState.planned.rawValue, field: name("state"),
                                         as: ActivityState.self, into: &errors) ?? .planned
        activity.budgetMinor = Validate.number(input.budgetMinor ?? 0, field: name("budget_minor"),
                                               range: 0...NumberRange.moneyMinor.upperBound, into: &errors)
        activity.currency = (input.currency ?? "DZD").uppercased()
        if !currencies.contains(activity.currency) { errors.append(FieldError(name("currency"), "validation.invalid_choice")) }
        return activity
    }
}
