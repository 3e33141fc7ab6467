import Directory
import Foundation
import Platform
import Vapor

/// The public dashboard: the headline figures, then a section per subject, each chart with its table beside it
/// (the same figures as text) and its text alternative; every label already in the reader's language.
struct DashboardPageContext: Encodable {
    struct Headline: Encodable {
        let label: String
        let value: String
    }

    struct Row: Encodable {
        struct Cell: Encodable {
            let column: String
            let value: String
        }

        let label: String
        let cells: [Cell]
    }

    struct Chart: Encodable {
        let id: String
        let title: String
        let bar: BarChart?
        let line: LineChart?
        let tiles: TileChart?
        let columns: [String]
        let rows: [Row]
        /// A long table (58 wilayas) folds under the chart.
        let folded: Bool
        /// On a phone, a table of more than two columns shows each row as a card (two columns fit as they are).
        let cards: Bool

        init(id: String, title: String, bar: BarChart?, line: LineChart?, tiles: TileChart?, columns: [String],
             rows: [(label: String, values: [String])], folded: Bool) {
            self.id = id
            self.title = title
            self.bar = bar
            self.line = line
            self.tiles = tiles
            self.columns = columns
            self.rows = rows.map { row in
                Row(label: row.label, cells: zip(columns.dropFirst(), row.values).map { Row.Cell(column: $0, value: $1) })
            }
            self.folded = folded
            cards = columns.count > 2
        }
    }

    struct Section: Encodable {
        let id: String
        let title: String
        let note: String
        let charts: [Chart]
    }

    let page: PageMeta
    let headlines: [Headline]
    let sections: [Section]
    let wilayas: [ChoiceOption]
    let domains: [ChoiceOption]
    let years: [ChoiceOption]
    let apiLink: String
    let countedAt: Date
    let domainChosen: Bool

    static func make(_ dashboard: Dashboard, filter: DashboardFilter, _ req: Request) async throws -> DashboardPageContext {
        let draw = try await Drawing.make(req)
        func total(_ key: String) -> String { dashboard.figure(key)?.total.map(draw.number) ?? "—" }
        let headlineKeys = ["members", "projects", "jobs_created", "jobs_sustained", "beneficiaries", "proposals",
                            "survey_answers", "voters", "events", "people_trained"]
        var years = Set(dashboard.figures.flatMap { $0.byYear.compactMap { Int($0.key) } })
        years.insert(CivilCalendar.components(req.now, offset: 3600).year)
        if let year = filter.year { years.insert(year) }
        let query = filter.query
        return DashboardPageContext(
            page: try await PageMeta.make(for: req, titleKey: "insights.title"),
            headlines: headlineKeys.map { Headline(label: req.t("insights.figure." + $0), value: total($0)) },
            sections: draw.sections(dashboard),
            wilayas: try await Options.wilayas(req, selected: filter.wilaya),
            domains: try await Options.domains(req, selected: Set([filter.domain].compactMap { $0 })),
            years: years.sorted(by: >).map { ChoiceOption(value: String($0), label: String($0), selected: $0 == filter.year) },
            apiLink: "/api/v1/insights/dashboard" + (query.isEmpty ? "" : "?" + query),
            countedAt: dashboard.countedAt, domainChosen: filter.domain != nil)
    }
}

/// Turns the dashboard's figures into charts and tables in the reader's language.
struct Drawing {
    typealias Chart = DashboardPageContext.Chart

    let req: Request
    let wilayaNames: [String: String]
    let domainNames: [String: String]

    static func make(_ req: Request) async throws -> Drawing {
        Drawing(req: req, wilayaNames: try await Options.wilayaNames(req), domainNames: try await Options.domainNames(req))
    }

    var rtl: Bool { req.language.direction == "rtl" }
    var separator: String { req.t("list.separator") }

    func number(_ value: Double) -> String {
        value == value.rounded() ? NumberText.integer(Int(value), in: req.language) : NumberText.decimal(value, in: req.language)
    }

    func figureName(_ key: String) -> String { req.t("insights.figure." + key) }

    func categoryName(_ dimension: String, _ value: String) -> String {
        if value == InsightsCounts.notStated { return req.t("insights.not_stated") }
        switch dimension {
        case "status": return req.t("workflow.project.state." + value)
        case "kind": return req.t("event.kind." + value)
        case "sex": return req.t("person.sex." + value)
        case "age_group":
            let key = "projects.age_" + value
            return req.t(key)
        default: return value
        }
    }

    func wilayaName(_ code: String) -> String {
        code.isEmpty ? req.t("insights.not_stated") : "\(code) — \(wilayaNames[code] ?? code)"
    }

    /// Bars of `points` (a category, the domains), with the table of the same figures.
    func bars(_ id: String, title: String, column: String, _ points: [Dashboard.Point],
              label: (String) -> String) -> Chart? {
        guard !points.isEmpty else { return nil }
        let lines = points.map { (label: label($0.key), count: Int($0.value.rounded()), text: number($0.value)) }
        return Chart(id: id, title: title, bar: BarChart(id: id + "-chart", title: title, lines: lines, rtl: rtl, separator: separator),
                     line: nil, tiles: nil, columns: [column, req.t("insights.column.value")],
                     rows: lines.map { ($0.label, [$0.text]) }, folded: false)
    }

    /// A line of `figure` over the years, with the table.
    func line(_ id: String, _ figure: Dashboard.FigureDTO) -> Chart? {
        guard figure.byYear.count > 0 else { return nil }
        let title = req.t("insights.chart.by_year", figureName(figure.key))
        let points = figure.byYear.map { (label: $0.key, value: $0.value, text: number($0.value)) }
        return Chart(id: id, title: title, bar: nil,
                     line: LineChart(id: id + "-chart", title: title, points: points, rtl: rtl, separator: separator),
                     tiles: nil, columns: [req.t("insights.column.year"), req.t("insights.column.value")],
                     rows: points.map { ($0.label, [$0.text]) }, folded: false)
    }

    /// Every wilaya as a tile shaded by `figure`, with the table (folded: 58 lines).
    func tiles(_ id: String, _ figure: Dashboard.FigureDTO) -> Chart? {
        guard figure.total != nil else { return nil }
        let title = req.t("insights.chart.by_wilaya", figureName(figure.key))
        let values = Dictionary(figure.byWilaya.map { ($0.key, $0.value) }, uniquingKeysWith: +)
        let codes = wilayaNames.keys.sorted()
        let tiles = codes.map { (code: $0, name: wilayaNames[$0] ?? $0, value: values[$0] ?? 0, text: number(values[$0] ?? 0)) }
        var rows = tiles.map { (label: wilayaName($0.code), values: [$0.text]) }
        if let unstated = values[""] { rows.append((req.t("insights.not_stated"), [number(unstated)])) }
        return Chart(id: id, title: title, bar: nil, line: nil,
                     tiles: TileChart(id: id + "-chart", title: title, tiles: tiles, rtl: rtl, separator: separator),
                     columns: [req.t("insights.column.wilaya"), req.t("insights.column.value")], rows: rows, folded: true)
    }

    func category(_ id: String, _ figure: Dashboard.FigureDTO, _ dimension: String) -> Chart? {
        let titleKey = "insights.chart.by_" + dimension
        return bars(id, title: req.t(titleKey, figureName(figure.key)),
             column: req.t("insights.column." + dimension), figure.categories[dimension] ?? []) {
            categoryName(dimension, $0)
        }
    }

    func domains(_ id: String, _ figure: Dashboard.FigureDTO) -> Chart? {
        bars(id, title: req.t("insights.chart.by_domain", figureName(figure.key)), column: req.t("insights.column.domain"),
             figure.byDomain) { domainNames[$0] ?? $0 }
    }

    func sections(_ dashboard: Dashboard) -> [DashboardPageContext.Section] {
        func figure(_ key: String) -> Dashboard.FigureDTO {
            dashboard.figure(key) ?? Dashboard.FigureDTO(key: key, total: nil, byWilaya: [], byDomain: [], byYear: [], categories: [:])
        }
        func section(_ id: String, _ charts: [Chart?]) -> DashboardPageContext.Section {
            DashboardPageContext.Section(id: id, title: req.t("insights.section." + id), note: req.t("insights.note." + id),
                                         charts: charts.compactMap { $0 })
        }
        let members = figure("members"), projects = figure("projects"), created = figure("jobs_created")
        let sustained = figure("jobs_sustained"), trained = figure("people_trained")
        return [
            section("members", [line("members-years", members), domains("members-domains", members),
                                tiles("members-wilayas", members)]),
            section("projects", [category("projects-status", projects, "status"), line("projects-years", projects),
                                 domains("projects-domains", projects), tiles("projects-wilayas", projects)]),
            section("jobs", [category("created-sex", created, "sex"), category("created-age", created, "age_group"),
                             category("sustained-sex", sustained, "sex"), category("sustained-age", sustained, "age_group"),
                             line("created-years", created), line("beneficiaries-years", figure("beneficiaries")),
                             tiles("created-wilayas", created)]),
            section("csr", [csr(pledged: figure("csr_pledged"), delivered: figure("csr_delivered"))]),
            section("participation", [line("proposals-years", figure("proposals")),
                                      line("answers-years", figure("survey_answers")), line("voters-years", figure("voters")),
                                      tiles("proposals-wilayas", figure("proposals"))]),
            section("capacity", [category("events-kind", figure("events"), "kind"), line("trained-years", trained),
                                 domains("trained-domains", trained), tiles("trained-wilayas", trained)]),
        ]
    }

    /// What companies pledged and delivered, per currency, and the share delivered as bars.
    func csr(pledged: Dashboard.FigureDTO, delivered: Dashboard.FigureDTO) -> Chart? {
        let promised = Dictionary((pledged.categories["currency"] ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: +)
        let given = Dictionary((delivered.categories["currency"] ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: +)
        let currencies = Set(promised.keys).union(given.keys).sorted()
        guard !currencies.isEmpty else { return nil }
        let title = req.t("insights.chart.fulfilment")
        let catalog = req.application.catalog
        let shares = currencies.map { currency -> (currency: String, share: Int) in
            let whole = promised[currency] ?? 0
            return (currency, whole > 0 ? Int((100 * (given[currency] ?? 0) / whole).rounded()) : 0)
        }
        let lines = shares.map {
            (label: catalog.text("currency." + $0.currency, in: req.language), count: $0.share,
             text: NumberText.percent($0.share, in: req.language))
        }
        let columns = [req.t("insights.column.currency"), req.t("insights.column.pledged"),
                       req.t("insights.column.delivered"), req.t("insights.column.fulfilment")]
        var rows: [(label: String, values: [String])] = []
        for (currency, line) in zip(currencies, lines) {
            let whole = MoneyText.format(Int64(promised[currency] ?? 0), currency: currency, in: req.language, catalog: catalog)
            let part = MoneyText.format(Int64(given[currency] ?? 0), currency: currency, in: req.language, catalog: catalog)
            rows.append((line.label, [whole, part, line.text]))
        }
        let chart = BarChart(id: "csr-chart", title: title, lines: lines, rtl: rtl, separator: separator)
        return Chart(id: "csr", title: title, bar: chart, line: nil, tiles: nil, columns: columns, rows: rows, folded: false)
    }
}
