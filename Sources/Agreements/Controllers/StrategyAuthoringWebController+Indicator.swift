import Directory
import Fluent
import Platform
import Vapor

extension StrategyAuthoringWebController {
    @Sendable func newIndicator(req: Request) async throws -> Response {
        _ = try Self.staff(req)
        let (strategy, objective) = try await place(req)
        return try await renderIndicator(req, strategy, objective, indicator: nil, form: .empty)
    }

    @Sendable func addIndicator(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let (strategy, objective) = try await place(req)
        return try await req.submitting {
            let indicator = try await StrategyAuthoring.addIndicator(try req.form(IndicatorForm.self).input, to: objective,
                                                                     by: user, req.service)
            return req.seeOther(Self.path(strategy, req, "/indicators/" + (try indicator.requireID()).uuidString))
        } refused: { form in
            try await renderIndicator(req, strategy, objective, indicator: nil, form: form)
        }
    }

    @Sendable func editIndicator(req: Request) async throws -> Response {
        _ = try Self.staff(req)
        let (strategy, objective, indicator) = try await existing(req)
        return try await renderIndicator(req, strategy, objective, indicator: indicator, form: .empty)
    }

    @Sendable func updateIndicator(req: Request) async throws -> Response {
        let user = try Self.staff(req)
        let (strategy, objective, indicator) = try await existing(req)
        return try await req.submitting {
            try await StrategyAuthoring.updateIndicator(indicator, with: try req.form(IndicatorForm.self).input, by: user,
                                                        req.service)
            return req.seeOther(Self.path(strategy, req, "/indicators/" + (try indicator.requireID()).uuidString))
        } refused: { form in
            try await renderIndicator(req, strategy, objective, indicator: indicator, form: form)
        }
    }

    func place(_ req: Request) async throws -> (Strategy, StrategyObjective) {
        let strategy = try await StrategyAPIController.strategy(req)
        let objective = try await req.find(StrategyObjective.self, id: "objective", orElse: AgreementsError.strategyNotFound)
        guard try await StrategyAuthoring.owner(of: objective, on: req.db).0.id == strategy.id else {
            throw AgreementsError.strategyNotFound
        }
        return (strategy, objective)
    }

    func existing(_ req: Request) async throws -> (Strategy, StrategyObjective, Indicator) {
        let strategy = try await StrategyAPIController.strategy(req)
        let indicator = try await req.find(Indicator.self, id: "id", orElse: AgreementsError.indicatorNotFound)
        guard let objective = try await StrategyObjective.find(indicator.objectiveID, on: req.db),
              try await StrategyAuthoring.owner(of: objective, on: req.db).0.id == strategy.id else {
            throw AgreementsError.indicatorNotFound
        }
        return (strategy, objective, indicator)
    }

    func renderIndicator(_ req: Request, _ strategy: Strategy, _ objective: StrategyObjective, indicator: Indicator?,
                         form: FormState) async throws -> Response {
        var values = form.values
        if let indicator, values.isEmpty {
            values = ["code": indicator.code, "baseline": StrategyReport.number(indicator.baseline),
                      "baseline_year": "\(indicator.baselineYear)", "direction": indicator.direction.rawValue,
                      "aggregation": indicator.aggregation.rawValue]
            for (prefix, text) in [("name", indicator.name), ("unit", indicator.unit), ("method", indicator.method ?? Translated())] {
                values[prefix + "_ar"] = text.ar ?? ""
                values[prefix + "_fr"] = text.fr ?? ""
                values[prefix + "_en"] = text.en ?? ""
            }
            for (year, value) in indicator.targets { values["targets_" + year] = StrategyReport.number(value) }
        }
        let chosen = indicator.map { Set($0.disaggregations.split(separator: ",").map(String.init)) }
            ?? Set((try? req.form(IndicatorForm.self))?.disaggregations ?? [])
        let years = strategy.years.map(Array.init) ?? []
        let title = indicator.map { $0.code } ?? req.t("strategy.new_indicator")
        return try await req.render("agreements/indicator-form", IndicatorFormContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.indicator_form_title", title),
            form: form.showing(values),
            action: indicator.map { Self.path(strategy, req, "/indicators/\($0.id!.uuidString)/edit") }
                ?? Self.path(strategy, req, "/objectives/\(objective.id!.uuidString)/indicators"),
            back: Self.path(strategy, req, "/structure"),
            objective: LocalizedText(objective.title, in: req.language),
            targets: years.map { .init(year: $0, value: values["targets_\($0)"] ?? "") },
            directions: ChoiceOption.cases(IndicatorDirection.self, key: "indicator.direction", selected: values["direction"], req),
            aggregations: ChoiceOption.cases(IndicatorAggregation.self, key: "indicator.aggregation",
                                             selected: values["aggregation"] ?? "latest", req),
            disaggregations: StrategyAuthoring.disaggregationKeys.sorted().map {
                ChoiceOption(value: $0, label: req.t("indicator.disaggregation." + $0), selected: chosen.contains($0))
            }), status: form.errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
