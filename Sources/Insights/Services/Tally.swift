import Foundation

/// A figure's counts, summed in advance by wilaya, domain, year and category: whatever the filters, a request adds
/// up a few thousand cells at most, never the rows themselves.
///
/// - wilaya `""`: not stated (an online event, an answer without a wilaya);
/// - domain `""`: every domain (each counted thing once); a thing with several domains is also in each one's cell;
/// - year `0`: all years; what a year's cell holds depends on the figure's ``Figure/Kind``;
/// - dimension `""`: the figure itself; otherwise a category of it (`status`, `sex`, `age_group`, `kind`,
///   `currency`) and its value.
struct Tally: Sendable {
    struct Cell: Hashable, Sendable {
        let wilaya: String
        let domain: String
        let year: Int
        let dimension: String
        let value: String
    }

    private(set) var cells: [Cell: Double] = [:]

    /// Adds `amount` of one counted thing (and its `categories`, each with its own amount) under each of `years`.
    mutating func add(_ amount: Double, wilaya: String?, domains: [String], years: [Int],
                      categories: [(dimension: String, value: String, amount: Double)] = []) {
        let wilaya = wilaya ?? ""
        for domain in [""] + Set(domains).filter({ !$0.isEmpty }).sorted() {
            for year in years {
                cells[Cell(wilaya: wilaya, domain: domain, year: year, dimension: "", value: ""), default: 0] += amount
                for category in categories where category.amount != 0 {
                    cells[Cell(wilaya: wilaya, domain: domain, year: year, dimension: category.dimension,
                               value: category.value), default: 0] += category.amount
                }
            }
        }
    }
}

/// What the dashboard shows of one figure under the filters: its total and its breakdowns.
struct FigureAnswer: Sendable {
    var total: Double = 0
    var byWilaya: [String: Double] = [:]
    var byDomain: [String: Double] = [:]
    var byYear: [Int: Double] = [:]
    var byCategory: [String: [String: Double]] = [:]
}

/// A figure of the dashboard: its key (in the API and the catalog) and how its years add up.
struct Figure: Sendable {
    enum Kind: Sendable {
        /// Counted in the year it happened (jobs created, proposals published): all years is the sum.
        case flow
        /// A stock that only grows (member organisations): a year is everything up to its end.
        case cumulative
        /// A level each year (jobs sustained, beneficiaries): a year's cell holds the year's latest report, year 0
        /// the latest of all; both are filled by the builder.
        case level
    }

    let key: String
    let kind: Kind
    /// False when the thing counted has no domain (an answer to a survey, a voter): a domain filter then leaves the
    /// figure out rather than showing a misleading zero.
    let hasDomains: Bool
    var tally = Tally()

    init(_ key: String, _ kind: Kind, hasDomains: Bool = true) {
        self.key = key
        self.kind = kind
        self.hasDomains = hasDomains
    }

    /// One pass over the cells: the total and every breakdown under `filter` (the yearly series ignores the year
    /// filter: it is the figure over time).
    func answer(_ filter: DashboardFilter) -> FigureAnswer? {
        if filter.domain != nil && !hasDomains { return nil }
        let domain = filter.domain ?? ""
        var answer = FigureAnswer()
        // For a cumulative figure, a year is the sum of every year up to it.
        func inYear(_ cellYear: Int) -> Bool {
            guard let year = filter.year else { return cellYear == 0 }
            return kind == .cumulative ? (cellYear != 0 && cellYear <= year) : cellYear == year
        }
        for (cell, amount) in tally.cells {
            let inWilaya = filter.wilaya == nil || filter.wilaya == cell.wilaya
            if cell.dimension.isEmpty {
                if cell.domain == domain {
                    if inYear(cell.year) {
                        answer.byWilaya[cell.wilaya, default: 0] += amount
                        if inWilaya { answer.total += amount }
                    }
                    if inWilaya, cell.year != 0 { answer.byYear[cell.year, default: 0] += amount }
                } else if filter.domain == nil, inWilaya, inYear(cell.year) {
                    answer.byDomain[cell.domain, default: 0] += amount
                }
            } else if cell.domain == domain, inWilaya, inYear(cell.year) {
                answer.byCategory[cell.dimension, default: [:]][cell.value, default: 0] += amount
            }
        }
        if kind == .cumulative {
            var running = 0.0
            for year in answer.byYear.keys.sorted() {
                running += answer.byYear[year] ?? 0
                answer.byYear[year] = running
            }
        }
        return answer
    }
}
