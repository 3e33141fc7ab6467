import Directory
import Fluent
import Platform
import Vapor

/// Staff author strategies: a whole strategy at once (its axes, objectives and indicators), its top fields, and
/// one more axis, objective or indicator, or an indicator's definition. Every change is one transaction, audited and
/// kept in the strategy's history (`workflow_steps`, workflow "strategy").
public enum StrategyAuthoring {
    static let codeCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
    public static let disaggregationKeys: Set<String> = ["sex", "age_group", "wilaya", "kind"]

    static func requireStaff(_ user: CurrentUser) throws {
        guard user.may(.manageAgreements) else { throw PlatformError.forbidden(permission: .manageAgreements) }
    }

    static func code(_ raw: String?, field: String, into errors: inout [FieldError]) -> String {
        let value = Validate.text(raw, field: field, max: 20, into: &errors)
        if !value.isEmpty, value.unicodeScalars.contains(where: { !codeCharacters.contains($0) }) {
            errors.append(FieldError(field, "validation.code_characters"))
        }
        return value
    }

    /// Creates a strategy with everything under it.
    public static func create(_ input: StrategyInput, by user: CurrentUser, _ context: ServiceContext) async throws -> Strategy {
        try requireStaff(user)
        var errors: [FieldError] = []
        let strategy = Strategy()
        try await applyTop(input, to: strategy, creating: true, on: context.db, into: &errors)
        var axes: [(StrategyAxis, [(StrategyObjective, [Indicator])])] = []
        var axisCodes = Set<String>()
        for (a, axisInput) in (input.axes ?? []).enumerated() {
            let axis = StrategyAxis()
            axis.code = code(axisInput.code, field: "axes[\(a)].code", into: &errors)
            if !axisCodes.insert(axis.code).inserted { errors.append(FieldError("axes[\(a)].code", "validation.duplicate")) }
            axis.title = Validate.translated(axisInput.title, field: "axes[\(a)].title", max: 300, into: &errors)
            axis.position = a + 1
            var objectives: [(StrategyObjective, [Indicator])] = []
            for (o, objectiveInput) in (axisInput.objectives ?? []).enumerated() {
                let field = "axes[\(a)].objectives[\(o)]"
                let objective = StrategyObjective()
                objective.code = code(objectiveInput.code, field: field + ".code", into: &errors)
                objective.title = Validate.translated(objectiveInput.title, field: field + ".title", max: 300, into: &errors)
                objective.position = o + 1
                let indicators = (objectiveInput.indicators ?? []).enumerated().map { i, indicatorInput in
                    let indicator = Indicator()
                    check(indicatorInput, into: indicator, field: field + ".indicators[\(i)]", years: strategy.years,
                          errors: &errors)
                    return indicator
                }
                objectives.append((objective, indicators))
            }
            axes.append((axis, objectives))
        }
        let codes = axes.flatMap { $0.1.flatMap { $0.1.map(\.code) } }.filter { !$0.isEmpty }
        if Set(codes).count != codes.count { errors.append(FieldError("axes", "validation.duplicate_indicator_code")) }
        try await requireFreeIndicatorCodes(codes, except: nil, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let tree = axes
        try await context.db.transaction { tx in
            try await strategy.create(on: tx)
            let strategyID = try strategy.requireID()
            for (axis, objectives) in tree {
                axis.strategyID = strategyID
                try await axis.create(on: tx)
                for (objective, indicators) in objectives {
                    objective.axisID = try axis.requireID()
                    try await objective.create(on: tx)
                    for indicator in indicators {
                        indicator.objectiveID = try objective.requireID()
                        try await indicator.create(on: tx)
                    }
                }
            }
            try await record(strategyID, "create", by: user, detail: nil, on: tx, at: context.now)
        }
        return strategy
    }

    /// Changes the top fields (title, owner, years, address) of a strategy.
    public static func update(_ strategy: Strategy, with input: StrategyInput, by user: CurrentUser,
                              _ context: ServiceContext) async throws {
        try requireStaff(user)
        var errors: [FieldError] = []
        try await applyTop(input, to: strategy, creating: false, on: context.db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await context.db.transaction { tx in
            try await strategy.save(on: tx)
            try await record(strategy.requireID(), "edit", by: user, detail: nil, on: tx, at: context.now)
        }
    }

    static func applyTop(_ input: StrategyInput, to strategy: Strategy, creating: Bool, on db: any Database,
                         into errors: inout [FieldError]) async throws {
        if creating || input.title != nil {
            strategy.title = Validate.translated(input.title, field: "title", max: 300, into: &errors)
        }
        if creating || input.slug != nil {
            let base = Slug.make(from: [input.slug, input.title?.fr, input.title?.en], fallback: "strategy")
            let slug = Validate.trimmed(input.slug) ?? base
            if !Slug.isValid(slug) {
                errors.append(FieldError("slug", "validation.slug_format"))
            } else if creating || slug != strategy.slug,
                      try await Strategy.query(on: db).filter(\.$slug == slug).count() > 0 {
                errors.append(FieldError("slug", "validation.slug_taken"))
            }
            strategy.slug = slug
        }
        if let owner = input.owner ?? input.ownerID {
            if let organization = try await Organization.find(idOrSlug: owner, on: db) {
                strategy.ownerID = try organization.requireID()
            } else {
                errors.append(FieldError("owner", "validation.invalid_choice"))
            }
        } else if creating {
            errors.append(FieldError("owner", "validation.required"))
        }
        if creating || input.startYear != nil {
            strategy.startYear = Validate.number(input.startYear, field: "start_year", range: 2000...2100, into: &errors)
        }
        if creating || input.endYear != nil {
            strategy.endYear = Validate.number(input.endYear, field: "end_year", range: 2000...2100, into: &errors)
        }
        if (creating || input.startYear != nil || input.endYear != nil), strategy.endYear < strategy.startYear
            || strategy.endYear - strategy.startYear > 20 {
            errors.append(FieldError("end_year", "validation.period_order"))
        }
    }

    /// Checks an indicator's definition into `indicator`: every problem named with its field.
    static func check(_ input: IndicatorInput, into indicator: Indicator, field prefix: String, years: ClosedRange<Int>?,
                      errors: inout [FieldError]) {
        func name(_ field: String) -> String { prefix.isEmpty ? field : prefix + "." + field }
        indicator.code = code(input.code, field: name("code"), into: &errors)
        indicator.name = Validate.translated(input.name, field: name("name"), max: 300, into: &errors)
        indicator.unit = Validate.translated(input.unit, field: name("unit"), max: 60, into: &errors)
        indicator.method = Validate.translated(input.method, field: name("method"), max: 2000, into: &errors)
        if let baseline = input.baseline, baseline.isFinite, abs(baseline) < 1e12 { indicator.baseline = baseline }
        else { errors.append(FieldError(name("baseline"), input.baseline == nil ? "validation.required" : "validation.number")) }
        indicator.baselineYear = Validate.number(input.baselineYear, field: name("baseline_year"), range: 1990...2100,
                                                 into: &errors)
        indicator.direction = Validate.choice(input.direction, field: name("direction"), as: IndicatorDirection.self,
                                              into: &errors) ?? .increase
        indicator.aggregation = Validate.choice(input.aggregation ?? IndicatorAggregation.latest.rawValue,
                                                field: name("aggregation"), as: IndicatorAggregation.self,
                                                into: &errors) ?? .latest
        let keys = input.disaggregations ?? []
        if keys.contains(where: { !disaggregationKeys.contains($0) }) {
            errors.append(FieldError(name("disaggregations"), "validation.invalid_choice"))
        }
        indicator.disaggregations = Array(Set(keys)).sorted().joined(separator: ",")
        let targets = input.targets ?? [:]
        for (year, value) in targets {
            guard let number = Int(year), (years ?? 1990...2100).contains(number) else {
                errors.append(FieldError(name("targets"), "validation.target_year"))
                break
            }
            if !value.isFinite || abs(value) >= 1e12 { errors.append(FieldError(name("targets"), "validation.number")) }
        }
        if targets.isEmpty { errors.append(FieldError(name("targets"), "validation.choose_one")) }
        indicator.targets = targets
    }

    static func requireFreeIndicatorCodes(_ codes: [String], except: UUID?, on db: any Database,
                                          into errors: inout [FieldError]) async throws {
        guard !codes.isEmpty else { return }
        var query = Indicator.query(on: db).filter(\.$code ~~ codes)
        if let except { query = query.filter(\.$id != except) }
        if try await query.count() > 0 { errors.append(FieldError("code", "validation.indicator_code_taken")) }
    }

    /// One step of the strategy's history (and its audit entry).
    static func record(_ strategyID: UUID, _ action: String, by user: CurrentUser, detail: String?, on db: any Database,
                       at date: Date) async throws {
        try await WorkflowStep.record(workflow: "strategy", subjectID: strategyID, action: action, from: nil,
                                      to: "recorded", actor: AuditActor(user), reason: detail, on: db, at: date)
    }
}

extension Strategy {
    /// The years the strategy covers (nil while they are not set).
    var years: ClosedRange<Int>? {
        guard let start = $startYear.value, let end = $endYear.value, start <= end else { return nil }
        return start...end
    }
}
