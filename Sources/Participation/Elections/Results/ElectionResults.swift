import Fluent
import Platform
import SQLKit
import Vapor
import Voting

/// The results as `GET /api/v1/pb-elections/{id}/results` gives them: per budget, every project funded or not with
/// `Voting`'s explanation, and `selected` as in the ballots file; turnout by channel, wilaya, sex and age group, with
/// groups of fewer than ten voters withheld (``SurveySuppression``).
public struct ElectionResults: Content, Sendable {
    public struct Project: Content, Sendable {
        public let number: Int
        public let title: String
        public let cost: Int64
        public let funded: Bool
        /// Why, from `Voting`; nil for an excluded project.
        public let explanation: ProjectExplanation?
        public let excludedReason: String?
        /// The project of the Projects room a funded project became.
        public let projectID: UUID?
    }

    public struct Budget: Content, Sendable {
        public let budgetID: UUID
        public let position: Int
        public let wilayaCode: String?
        public let amount: Int64
        public let ballots: Int
        public let selected: [String]
        public let totalCost: Int64
        public let projects: [Project]
    }

    /// One group's voters; nil when withheld.
    public struct Cell: Content, Sendable {
        public let group: String
        public let voters: Int?
    }

    public struct Turnout: Content, Sendable {
        public let voters: Int
        public let byChannel: [Cell]
        public let byWilaya: [Cell]
        public let bySex: [Cell]
        public let byAgeGroup: [Cell]
    }

    public let electionID: UUID
    public let rule: String
    /// Funded projects of every budget, by their number in the ballots files (numbers are unique in an election).
    public let selected: [String]
    public let talliedAt: Date?
    public let budgets: [Budget]
    public let turnout: Turnout
    /// Each polling station: citizens checked in, paper ballots entered, blank and spoiled ones.
    public let stations: [StationLine]

    public struct StationLine: Content, Sendable {
        public let name: String
        public let wilayaCode: String?
        public let checkedIn: Int
        public let ballots: Int
        public let blank: Int
        public let spoiled: Int
    }

    public static func load(_ election: BudgetElection, on db: any Database, now: Date) async throws -> ElectionResults {
        let stored = try await ElectionTally.results(election, on: db, now: now)
        let contents = try await ElectionQuery.contents(election, on: db)
        var budgets: [Budget] = []
        for budget in contents.budgets {
            guard let result = stored.first(where: { $0.budgetID == budget.id }) else { continue }
            let outcome = result.outcome
            let funded = Set(outcome.selected)
            let projects = contents.projects(of: budget).map { project in
                Project(number: project.number, title: project.title, cost: project.cost,
                        funded: funded.contains(String(project.number)),
                        explanation: outcome.explanations.first { $0.projectID == String(project.number) },
                        excludedReason: project.excludedReason, projectID: project.projectID)
            }
            budgets.append(Budget(budgetID: try budget.requireID(), position: budget.position,
                                  wilayaCode: budget.wilayaCode, amount: budget.amount, ballots: result.ballots,
                                  selected: outcome.selected, totalCost: outcome.totalCost, projects: projects))
        }
        return ElectionResults(electionID: try election.requireID(), rule: election.rule,
                               selected: budgets.flatMap(\.selected), talliedAt: election.talliedAt, budgets: budgets,
                               turnout: try await turnout(election, on: db),
                               stations: try await stations(election, on: db))
    }

    static func stations(_ election: BudgetElection, on db: any Database) async throws -> [StationLine] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw("""
            SELECT s.name, s.wilaya_code,
                   (SELECT COUNT(*) FROM station_checkins c WHERE c.station_id = s.id) AS checked_in,
                   (SELECT CAST(COALESCE(SUM(b.ballots), 0) AS INTEGER) FROM station_batches b WHERE b.station_id = s.id) AS ballots,
                   (SELECT CAST(COALESCE(SUM(b.blank), 0) AS INTEGER) FROM station_batches b WHERE b.station_id = s.id) AS blank,
                   (SELECT CAST(COALESCE(SUM(b.spoiled), 0) AS INTEGER) FROM station_batches b WHERE b.station_id = s.id) AS spoiled
            FROM polling_stations s WHERE s.election_id = \(bind: try election.requireID()) ORDER BY s.name
            """).all().map {
            StationLine(name: try $0.decode(column: "name", as: String.self),
                        wilayaCode: try $0.decode(column: "wilaya_code", as: String?.self),
                        checkedIn: try $0.decode(column: "checked_in", as: Int.self),
                        ballots: try $0.decode(column: "ballots", as: Int.self),
                        blank: try $0.decode(column: "blank", as: Int.self),
                        spoiled: try $0.decode(column: "spoiled", as: Int.self))
        }
    }

    static func turnout(_ election: BudgetElection, on db: any Database) async throws -> Turnout {
        guard let sql = db as? any SQLDatabase else { return Turnout(voters: 0, byChannel: [], byWilaya: [], bySex: [], byAgeGroup: []) }
        let rows = try await sql.raw("""
            SELECT channel, wilaya_code, sex, age_group, voters FROM election_turnout
            WHERE election_id = \(bind: try election.requireID())
            """).all()
        struct Row { let channel, wilaya, sex, age: String; let voters: Int }
        let cells = try rows.map {
            Row(channel: try $0.decode(column: "channel", as: String.self),
                wilaya: try $0.decode(column: "wilaya_code", as: String.self),
                sex: try $0.decode(column: "sex", as: String.self), age: try $0.decode(column: "age_group", as: String.self),
                voters: try $0.decode(column: "voters", as: Int.self))
        }
        func dimension(_ key: (Row) -> String) -> [Cell] {
            var totals: [String: Int] = [:]
            for cell in cells { totals[key(cell).isEmpty ? "unknown" : key(cell), default: 0] += cell.voters }
            let groups = totals.keys.sorted()
            let withheld = SurveySuppression.withheld(groups.map { totals[$0] ?? 0 })
            return groups.enumerated().map { index, group in
                Cell(group: group, voters: withheld.contains(index) ? nil : totals[group])
            }
        }
        return Turnout(voters: cells.reduce(0) { $0 + $1.voters }, byChannel: dimension(\.channel),
                       byWilaya: dimension(\.wilaya), bySex: dimension(\.sex), byAgeGroup: dimension(\.age))
    }
}
