import Fluent
import Platform
import Vapor

extension StrategyWebController {

    @Sendable func indicator(req: Request) async throws -> Response {
        try await renderIndicator(req, form: .empty)
    }

    func renderIndicator(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let strategy = try await StrategyAPIController.strategy(req)
        let id = try await StrategyAPIController.indicatorID(req)
        guard let indicator = try await Indicator.find(id, on: req.db) else { throw AgreementsError.indicatorNotFound }
        let pageQuery = try PageQuery(from: req)
        let (measurements, total) = try await AgreementsQueries.measurements(of: id, pageQuery, on: req.db)
        let rows = measurements.map { row in
            IndicatorContext.MeasurementRow(
                id: row.id?.uuidString ?? "", period: row.period, value: StrategyReport.number(row.value),
                breakdown: row.breakdown.sorted { $0.key < $1.key }.map { dimension, values in
                    dimension + ": " + values.sorted { $0.key < $1.key }.map { "\($0.key) \(StrategyReport.number($0.value))" }
                        .joined(separator: ", ")
                }.joined(separator: " · "),
                source: row.source == MeasurementService.computedFromReports
                    ? req.t("strategy.source_project_reports", row.recordedBy) : row.source)
        }
        let context = IndicatorContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.indicator_title", indicator.code),
            name: LocalizedText(indicator.name, in: req.language), code: indicator.code,
            unit: indicator.unit.resolve(in: req.language).text,
            method: indicator.method.map { LocalizedText($0, in: req.language) }, direction: indicator.direction.rawValue,
            baseline: "\(StrategyReport.number(indicator.baseline)) (\(indicator.baselineYear))",
            targets: indicator.targets.sorted { $0.key < $1.key }.map { "\($0.key): \(StrategyReport.number($0.value))" },
            disaggregations: indicator.disaggregations.split(separator: ",").map(String.init), measurements: rows,
            editLink: req.currentUser?.may(.manageAgreements) == true
                ? AgreementsSiteURL.strategies.path(in: req.language) + "/" + strategy.slug + "/indicators/"
                    + (try indicator.requireID()).uuidString + "/edit" : nil,
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path),
            canRecord: req.currentUser?.may(.recordMeasurements) == true, form: form,
            back: AgreementsSiteURL.strategies.path(in: req.language) + "/" + strategy.slug)
        return try await req.render("agreements/indicator", context, status: status)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let user = try req.require(.recordMeasurements)
        let id = try await StrategyAPIController.indicatorID(req)
        let input = try req.form(MeasurementForm.self).input
        do {
            _ = try await MeasurementService.record(input, indicatorID: id, by: user, on: req.db, now: req.now)
        } catch let error as any ShabakaError where error.status == .unprocessableEntity {
            let message = req.application.catalog.text(error.messageKey, in: req.language)
            return try await renderIndicator(req, form: FormState(posted: req, fieldErrors: error.fieldErrors,
                                                                  message: message), status: .unprocessableEntity)
        }
        return req.seeOther(req.url.path + "?recorded=1")
    }
}
