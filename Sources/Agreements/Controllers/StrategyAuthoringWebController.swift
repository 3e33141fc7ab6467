import Directory
import Fluent
import Platform
import Vapor

/// Staff author strategies on the site: a new strategy, its top fields, its structure (axes, objectives,
/// indicators) and each indicator's definition; every form shows its own errors and keeps what was typed.
struct StrategyAuthoringWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let strategies = AgreementsSiteURL.strategies.pathComponents
        routes.get(strategies + ["new"], use: newStrategy)
        routes.post(strategies, use: create)
        let one = strategies + [":strategy"]
        routes.get(one + ["edit"], use: edit)
        routes.post(one + ["edit"], use: update)
        routes.get(one + ["structure"], use: structure)
        routes.post(one + ["axes"], use: addAxis)
        routes.post(one + ["axes", ":axis", "objectives"], use: addObjective)
        routes.get(one + ["objectives", ":objective", "indicators", "new"], use: newIndicator)
        routes.post(one + ["objectives", ":objective", "indicators"], use: addIndicator)
        routes.get(one + ["indicators", ":id", "edit"], use: editIndicator)
        routes.post(one + ["action-plans"], use: addPlan)
        routes.post(one + ["action-plans", ":plan", "activities"], use: addActivity)
        routes.post(one + ["indicators", ":id", "edit"], use: updateIndicator)
    }

    static func staff(_ req: Request) throws -> CurrentUser {
        try req.require(.manageAgreements)
    }

    static func path(_ strategy: Strategy, _ req: Request, _ rest: String = "") -> String {
        AgreementsSiteURL.strategies.path(in: req.language) + "/" + strategy.slug + rest
    }

    // MARK: the strategy's top fields

    @Sendable func newStrategy(req: Request) async throws -> Response {
        _ = try Self.staff(req)
        return try await renderForm(req, strategy: nil, form: .empty)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        return try await req.submitting {
            let strategy = try await StrategyAuthoring.create(try req.form(StrategyForm.self).input, by: user, req.service)
            return req.seeOther(Self.path(strategy, req, "/structure"))
        } refused: { form in
            try await renderForm(req, strategy: nil, form: form)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        _ = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        return try await renderForm(req, strategy: strategy, form: .empty)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        return try await req.submitting {
            try await StrategyAuthoring.update(strategy, with: try req.form(StrategyForm.self).input, by: user, req.service)
            return req.seeOther(Self.path(strategy, req))
        } refused: { form in
            try await renderForm(req, strategy: strategy, form: form)
        }
    }

    func renderForm(_ req: Request, strategy: Strategy?, form: FormState) async throws -> Response {
        var values = form.values
        if let strategy, form.values.isEmpty {
            values = ["slug": strategy.slug, "title_ar": strategy.title.ar ?? "", "title_fr": strategy.title.fr ?? "",
                      "title_en": strategy.title.en ?? "", "owner": strategy.ownerID.uuidString,
                      "start_year": "\(strategy.startYear)", "end_year": "\(strategy.endYear)"]
        }
        let owners = try await Organization.query(on: req.db).filter(\.$verification == .verified)
            .filter(\.$kind ~~ [.observatory, .network, .publicInstitution, .association]).sort(\.$sortName).limit(300).all()
        let title = strategy.map { $0.title.resolve(in: req.language).text }
        return try await req.render("agreements/strategy-form", StrategyFormContext(
            page: try await PageMeta.make(for: req, titleKey: strategy == nil ? "strategy.new" : "strategy.edit", title ?? ""),
            form: form.showing(values),
            action: strategy.map { Self.path($0, req, "/edit") } ?? AgreementsSiteURL.strategies.path(in: req.language),
            owners: ChoiceOption.records(owners, label: \.name, selected: values["owner"], req),
            editing: strategy != nil), status: form.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: the structure: axes and objectives

    @Sendable func structure(req: Request) async throws -> Response {
        _ = try Self.staff(req)
        return try await renderStructure(req, try await StrategyAPIController.strategy(req), form: .empty, target: nil)
    }

    @Sendable func addAxis(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        return try await req.submitting {
            _ = try await StrategyAuthoring.addAxis(try req.form(StrategyInput.AxisInput.self), to: strategy, by: user,
                                                    req.service)
            return req.seeOther(Self.path(strategy, req, "/structure"))
        } refused: { form in
            try await renderStructure(req, strategy, form: form, target: "axis")
        }
    }

    @Sendable func addObjective(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        let axis = try await req.find(StrategyAxis.self, id: "axis", orElse: AgreementsError.strategyNotFound)
        guard axis.strategyID == strategy.id else { throw AgreementsError.strategyNotFound }
        return try await req.submitting {
            _ = try await StrategyAuthoring.addObjective(try req.form(StrategyInput.ObjectiveInput.self), to: axis,
                                                         by: user, req.service)
            return req.seeOther(Self.path(strategy, req, "/structure"))
        } refused: { form in
            try await renderStructure(req, strategy, form: form, target: axis.id?.uuidString)
        }
    }

    @Sendable func addPlan(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        return try await req.submitting {
            var input = try req.form(PlanForm.self).input
            input.strategy = strategy.slug
            _ = try await ActionPlanAuthoring.create(input, by: user, req.service)
            return req.seeOther(Self.path(strategy, req, "/structure#plans"))
        } refused: { form in
            try await renderStructure(req, strategy, form: form, target: "plan")
        }
    }

    @Sendable func addActivity(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let strategy = try await StrategyAPIController.strategy(req)
        let plan = try await req.find(ActionPlan.self, id: "plan", orElse: AgreementsError.actionPlanNotFound)
        guard plan.strategyID == strategy.id else { throw AgreementsError.actionPlanNotFound }
        return try await req.submitting {
            _ = try await ActionPlanAuthoring.addActivity(try req.form(ActivityForm.self).input, to: plan, by: user,
                                                          req.service)
            return req.seeOther(Self.path(strategy, req, "/structure#plans"))
        } refused: { form in
            try await renderStructure(req, strategy, form: form, target: plan.id?.uuidString)
        }
    }

    func renderStructure(_ req: Request, _ strategy: Strategy, form: FormState, target: String?) async throws -> Response {
        let report = try await StrategyReport.build(strategy, year: strategy.startYear, on: req.db, now: req.now)
        let language = req.language
        let axes = report.axes.map { axis in
            StructureContext.Axis(
                id: axis.id.uuidString, code: axis.code, title: LocalizedText(axis.title, in: language),
                objectives: axis.objectives.map { objective in
                    StructureContext.Objective(
                        id: objective.id.uuidString, code: objective.code, title: LocalizedText(objective.title, in: language),
                        indicators: objective.indicators.map {
                            StructureContext.IndicatorLink(id: $0.id.uuidString, code: $0.code,
                                                           name: LocalizedText($0.name, in: language))
                        })
                })
        }
        let plans = try await ActionPlan.query(on: req.db).filter(\.$strategyID == strategy.requireID()).sort(\.$year).all()
        let activities = try await Activity.query(on: req.db).filter(\.$actionPlanID ~~ plans.compactMap(\.id)).all()
        let planViews = plans.map { plan in
            StructureContext.Plan(
                id: plan.id?.uuidString ?? "", year: plan.year, title: LocalizedText(plan.title, in: language),
                activities: activities.filter { $0.actionPlanID == plan.id }.map {
                    StructureContext.ActivityLine(title: LocalizedText($0.title, in: language), state: $0.state.rawValue,
                                                  budget: MoneyText.format($0.budgetMinor, currency: $0.currency, in: language,
                                                                           catalog: req.application.catalog))
                })
        }
        // Each form's element ids begin with its own prefix: `axis-`, `plan-`, `objective-<axis>-`, `activity-<plan>-`.
        let prefix = switch target {
        case nil: ""
        case "axis"?, "plan"?: target! + "-"
        case let id? where axes.contains(where: { $0.id == id }): "objective-" + id + "-"
        case let id?: "activity-" + id + "-"
        }
        return try await req.render("agreements/strategy-structure", StructureContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.structure_title", strategy.title.resolve(in: language).text),
            slug: strategy.slug, title: LocalizedText(strategy.title, in: language), axes: axes, form: form.prefixed(prefix),
            target: target, plans: planViews, years: Array(strategy.startYear...strategy.endYear),
            states: ChoiceOption.cases(ActivityState.self, key: "activity.state", selected: form.values["state"], req),
            history: report.history), status: form.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
