import Fluent

/// A model with a reporting period (`2026-Q3`) and its place in time (`period_sort`, `ReportingPeriod.sortKey`),
/// which lists sort by instead of the period's text.
public protocol PeriodSorted: Model {
    var period: String { get }
    var periodSort: Int { get set }
}

/// Keeps `period_sort` in step with `period` on every create and update, whoever saves the row (services, demo
/// data, tests): a period that does not parse sorts first.
public struct PeriodSortMiddleware<M: PeriodSorted>: AsyncModelMiddleware {
    public init() {}

    public func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.periodSort = ReportingPeriod(model.period)?.sortKey ?? 0
        try await next.create(model, on: db)
    }

    public func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        model.periodSort = ReportingPeriod(model.period)?.sortKey ?? 0
        try await next.update(model, on: db)
    }
}
