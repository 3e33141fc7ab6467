import Directory
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
        let reference = try await req.referenceData()
        let rows = measurements.map { row in
            IndicatorContext.MeasurementRow(
                id: row.id?.uuidString ?? "", period: row.period, value: StrategyReport.number(row.value),
                breakdown: Self.breakdownText(row.breakdown, reference: reference, req),
                source: row.source == MeasurementService.computedFromReports
                    ? req.t("strategy.source_project_reports", row.recordedBy)
                    : row.source == MeasurementService.computedFromAttendance
                        ? req.t("strategy.source_capacity_attendance", row.recordedBy) : row.source)
        }
        let context = IndicatorContext(
            page: try await PageMeta.make(for: req, titleKey: "strategy.indicator_title", indicator.code),
            name: LocalizedText(indicator.name, in: req.language), code: indicator.code,
            unit: indicator.unit.resolve(in: req.language).text,
            method: indicator.method.map { LocalizedText($0, in: req.language) }, direction: indicator.direction.rawValue,
            aggregation: indicator.aggregation.rawValue,
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

    /// A measurement's breakdown in the page's language: "By sex — Women: 55, Men: 65 · By wilaya — Batna: 5".
    static func breakdownText(_ breakdown: [String: [String: Double]], reference: ReferenceData, _ req: Request) -> String {
        let ages = ["under_18": "projects.age_under_18", "18_24": "projects.age_18_24", "25_34": "projects.age_25_34",
                    "35_plus": "projects.age_35_plus"]
        func label(_ dimension: String, _ value: String) -> String {
            switch dimension {
            case "sex": return req.t("strategy.sex." + (value == "f" ? "f" : "m"))
            case "age_group": return ages[value].map { req.t($0) } ?? value
            case "wilaya": return reference.wilaya(value)?.name(in: req.language) ?? value
            case "kind": return OrganizationKind(rawValue: value).map { req.t("organization.kind." + $0.rawValue) } ?? value
            default: return value
            }
        }
        let order = ["sex", "age_group", "wilaya", "kind"]
        return breakdown.sorted { (order.firstIndex(of: $0.key) ?? 9, $0.key) < (order.firstIndex(of: $1.key) ?? 9, $1.key) }
            .map { dimension, values in
                let items = values.sorted { $0.key < $1.key }.map {
                    req.t("format.breakdown_item", label(dimension, $0.key), NumberText.decimal($0.value, in: req.language))
                }.joined(separator: req.t("format.list_separator"))
                return req.t("format.breakdown_dimension", req.t("indicator.disaggregation." + dimension), items)
            }.joined(separator: " · ")
    }
}
