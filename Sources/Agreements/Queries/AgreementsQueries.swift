import Foundation
import Fluent
import Platform

/// The Agreements room's lists, each the same on its page and in the API.
enum AgreementsQueries {
    /// Agreements by slug (public, drafts included: an agreement is negotiated in the open).
    static func agreements(_ page: PageQuery, on db: any Database) async throws -> (rows: [Agreement], total: Int) {
        let query = Agreement.query(on: db)
        return (try await query.copy().sort(\.$slug).range(page.range).all(), try await query.count())
    }

    /// Strategies by first year, then slug.
    static func strategies(_ page: PageQuery, on db: any Database) async throws -> (rows: [Strategy], total: Int) {
        let query = Strategy.query(on: db)
        return (try await query.copy().sort(\.$startYear).sort(\.$slug).range(page.range).all(), try await query.count())
    }

    /// One indicator's measurements in time order (`ReportingPeriod`: a year, then its quarters and months).
    static func measurements(of indicatorID: UUID, _ page: PageQuery, on db: any Database) async throws
        -> (rows: [Measurement], total: Int)
    {
        let query = Measurement.query(on: db).filter(\.$indicatorID == indicatorID)
        return (try await query.copy().sort(\.$periodSort).sort(\.$period).range(page.range).all(), try await query.count())
    }
}
