import Capacity
import Foundation
import Projects
import Vapor

/// The dashboard under one set of filters: each figure's total and breakdowns (by wilaya, by domain, by year, by
/// category), as the page and `GET /api/v1/insights/dashboard` give them.
struct Dashboard: Content, Sendable {
    struct Point: Content, Sendable, Equatable {
        let key: String
        let value: Double
    }

    struct FigureDTO: Content, Sendable {
        let key: String
        /// Absent when the figure has no domain and a domain is chosen (answers to surveys, voters).
        let total: Double?
        let byWilaya: [Point]
        let byDomain: [Point]
        let byYear: [Point]
        let categories: [String: [Point]]
    }

    struct Filters: Content, Sendable {
        let wilaya: String?
        let domain: String?
        let year: Int?
    }

    let filters: Filters
    let countedAt: Date
    let figures: [FigureDTO]

    init(filter: DashboardFilter, figures: [Figure], countedAt: Date) {
        filters = Filters(wilaya: filter.wilaya, domain: filter.domain, year: filter.year)
        self.countedAt = countedAt
        self.figures = figures.map { figure in
            guard let answer = figure.answer(filter) else {
                return FigureDTO(key: figure.key, total: nil, byWilaya: [], byDomain: [], byYear: [], categories: [:])
            }
            func points(_ values: [String: Double]) -> [Point] {
                values.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { Point(key: $0.key, value: $0.value) }
            }
            return FigureDTO(
                key: figure.key, total: answer.total, byWilaya: points(answer.byWilaya), byDomain: points(answer.byDomain),
                byYear: answer.byYear.sorted { $0.key < $1.key }.map { Point(key: String($0.key), value: $0.value) },
                categories: Dictionary(uniqueKeysWithValues: answer.byCategory.map { dimension, values in
                    (dimension, Self.ordered(points(values), dimension: dimension))
                }))
        }
    }

    /// The figure named `key` (every figure is always listed).
    func figure(_ key: String) -> FigureDTO? { figures.first { $0.key == key } }

    /// Categories in the order people expect them (a project's steps in workflow order), else by code.
    static let order: [String: [String]] = [
        "status": ProjectState.allCases.map(\.rawValue),
        "kind": EventKind.allCases.map(\.rawValue),
        "sex": ["f", "m", InsightsCounts.notStated],
        "age_group": ["under_18", "18_24", "25_34", "35_plus", InsightsCounts.notStated],
    ]

    static func ordered(_ points: [Point], dimension: String) -> [Point] {
        guard let order = Self.order[dimension] else { return points }
        return points.sorted { (order.firstIndex(of: $0.key) ?? order.count) < (order.firstIndex(of: $1.key) ?? order.count) }
    }
}
