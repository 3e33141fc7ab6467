import Capacity
import Directory
import Fluent
import Foundation
import Platform
import Projects
import SQLKit

/// The groups of figures, each counted from its own tables and recounted only after a write to them
/// (``CreateInsightsRevisions``).
public enum InsightsGroup: String, CaseIterable, Sendable {
    case members, projects, csr, participation, capacity
}

/// Counts every figure of a group from the rooms' public rows, with the rooms' own rules of what is public:
/// verified organisations with an active membership; projects past their draft; proposals published, not awaiting
/// moderation nor hidden; answers to surveys that are not drafts; voters of elections that have closed; every event
/// (events are public); people present at every session of a training or workshop.
enum InsightsCounts {
    static func count(_ group: InsightsGroup, on db: any Database, now: Date) async throws -> [Figure] {
        guard let sql = db as? any SQLDatabase else { return [] }
        switch group {
        case .members: return [try await members(sql, now: now)]
        case .projects: return try await projects(sql, on: db)
        case .csr: return try await csr(sql)
        case .participation: return try await participation(sql, now: now)
        case .capacity: return try await capacity(on: db)
        }
    }

    /// The year of an ISO date (`2026-05-14`) or period (`2026-Q2`), 0 when there is none.
    static func year(_ text: String?) -> Int { text.flatMap { Int($0.prefix(4)) } ?? 0 }

    /// The year of a moment in Algeria (UTC+1), as the rooms date things.
    static func year(_ date: Date) -> Int { CivilCalendar.components(date, offset: 3600).year }

    // MARK: members

    static func members(_ sql: any SQLDatabase, now: Date) async throws -> Figure {
        var figure = Figure("members", .cumulative)
        // One line per member (the earliest admission when it belongs to several networks).
        var admitted: [UUID: (wilaya: String?, year: Int)] = [:]
        for row in try await sql.select().column(SQLColumn("member_id", table: "m")).column(SQLColumn("created_at", table: "m"))
            .column(SQLColumn("wilaya_code", table: "o"))
            .from(SQLAlias(SQLIdentifier(NetworkMembership.schema), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier(Organization.schema), as: SQLIdentifier("o")),
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("member_id", table: "m"))
            .where(SQLColumn("state", table: "m"), .equal, SQLBind(MembershipState.active.rawValue))
            .where(SQLColumn("verification", table: "o"), .equal, SQLBind(OrganizationVerification.verified.rawValue))
            .all()
        {
            let id = try row.decode(column: "member_id", as: UUID.self)
            let year = year(try row.decode(column: "created_at", as: Date?.self) ?? now)
            if let known = admitted[id], known.year <= year { continue }
            admitted[id] = (try row.decode(column: "wilaya_code", as: String?.self), year)
        }
        var domains: [UUID: [String]] = [:]
        for row in try await sql.select().column("organization_id").column("domain_code").from(OrganizationDomain.schema).all() {
            let id = try row.decode(column: "organization_id", as: UUID.self)
            guard admitted[id] != nil else { continue }
            domains[id, default: []].append(try row.decode(column: "domain_code", as: String.self))
        }
        for (id, member) in admitted {
            figure.tally.add(1, wilaya: member.wilaya, domains: domains[id] ?? [], years: [member.year, 0])
        }
        return figure
    }

    // MARK: projects, jobs, beneficiaries

    static func projects(_ sql: any SQLDatabase, on db: any Database) async throws -> [Figure] {
        var projects = Figure("projects", .flow)
        var places: [UUID: (wilaya: String, domain: String)] = [:]
        for row in try await sql.select().column("id").column("state").column("wilaya_code").column("domain_code")
            .column("starts_on").from(Project.schema)
            .where("state", .notEqual, SQLBind(ProjectState.draft.rawValue)).all()
        {
            let id = try row.decode(column: "id", as: UUID.self)
            let wilaya = try row.decode(column: "wilaya_code", as: String.self)
            let domain = try row.decode(column: "domain_code", as: String.self)
            places[id] = (wilaya, domain)
            projects.tally.add(1, wilaya: wilaya, domains: [domain],
                               years: [year(try row.decode(column: "starts_on", as: String?.self)), 0],
                               categories: [("status", try row.decode(column: "state", as: String.self), 1)])
        }
        var created = Figure("jobs_created", .flow)
        var sustained = Figure("jobs_sustained", .level)
        var beneficiaries = Figure("beneficiaries", .level)
        let reports = try await ProjectReport.query(on: db).sort(\.$projectID).sort(\.$periodSort).all()
        // Levels: each project's latest report of each year, and its latest of all (reports come in period order).
        var latest: [UUID: [Int: ProjectReport]] = [:]
        for report in reports {
            guard let place = places[report.projectID] else { continue }
            let reportYear = ReportingPeriod(report.period)?.year ?? year(report.period)
            created.tally.add(Double(report.jobsCreated), wilaya: place.wilaya, domains: [place.domain],
                              years: [reportYear, 0],
                              categories: categories(report.jobsCreatedBreakdown, total: report.jobsCreated))
            latest[report.projectID, default: [:]][reportYear] = report
            latest[report.projectID, default: [:]][0] = report
        }
        for (projectID, byYear) in latest {
            guard let place = places[projectID] else { continue }
            for (reportYear, report) in byYear {
                sustained.tally.add(Double(report.jobsSustained), wilaya: place.wilaya, domains: [place.domain],
                                    years: [reportYear],
                                    categories: categories(report.jobsSustainedBreakdown, total: report.jobsSustained))
                beneficiaries.tally.add(Double(report.beneficiaries), wilaya: place.wilaya, domains: [place.domain],
                                        years: [reportYear])
            }
        }
        return [projects, created, sustained, beneficiaries]
    }

    /// Jobs by sex and age group as the report gave them; what a report did not break down is "not stated", so
    /// each category adds up to the total.
    static func categories(_ breakdown: Breakdown, total: Int)
        -> [(dimension: String, value: String, amount: Double)]
    {
        var lines: [(dimension: String, value: String, amount: Double)] = []
        for dimension in ["sex", "age_group"] {
            let given = breakdown[dimension] ?? [:]
            for (value, amount) in given.sorted(by: { $0.key < $1.key }) { lines.append((dimension, value, amount)) }
            let rest = Double(total) - given.values.reduce(0, +)
            if rest > 0 { lines.append((dimension, notStated, rest)) }
        }
        return lines
    }

    static let notStated = "not_stated"

    // MARK: companies' social responsibility

    static func csr(_ sql: any SQLDatabase) async throws -> [Figure] {
        var pledged = Figure("csr_pledged", .flow)
        var delivered = Figure("csr_delivered", .flow)
        var projectPlaces: [UUID: (String, String)] = [:]
        for row in try await sql.select().column("id").column("wilaya_code").column("domain_code").from(Project.schema).all() {
            projectPlaces[try row.decode(column: "id", as: UUID.self)] =
                (try row.decode(column: "wilaya_code", as: String.self), try row.decode(column: "domain_code", as: String.self))
        }
        let pledges = try await sql.select().column(SQLColumn("project_id", table: "p")).column(SQLColumn("company_id", table: "p"))
            .column(SQLColumn("value_minor", table: "p")).column(SQLColumn("delivered_minor", table: "p"))
            .column(SQLColumn("currency", table: "p")).column(SQLColumn("state", table: "p"))
            .column(SQLColumn("pledged_on", table: "p")).column(SQLColumn("wilaya_code", table: "o"))
            .from(SQLAlias(SQLIdentifier(CSRPledge.schema), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier(Organization.schema), as: SQLIdentifier("o")),
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("company_id", table: "p"))
            .all()
        var companyDomains: [UUID: [String]] = [:]
        let companies = Set(try pledges.map { try $0.decode(column: "company_id", as: UUID.self) })
        let links = companies.isEmpty ? [] : try await sql.select().column("organization_id").column("domain_code")
            .from(OrganizationDomain.schema).where("organization_id", .in, SQLBind.group(Array(companies))).all()
        for row in links {
            companyDomains[try row.decode(column: "organization_id", as: UUID.self), default: []]
                .append(try row.decode(column: "domain_code", as: String.self))
        }
        for row in pledges {
            let projectID = try row.decode(column: "project_id", as: UUID?.self)
            let companyID = try row.decode(column: "company_id", as: UUID.self)
            let place = projectID.flatMap { projectPlaces[$0] }
            let companyWilaya = try row.decode(column: "wilaya_code", as: String?.self)
            let wilaya = place?.0 ?? companyWilaya
            let domains = place.map { [$0.1] } ?? companyDomains[companyID] ?? []
            let currency = try row.decode(column: "currency", as: String.self)
            let given = Double(try row.decode(column: "delivered_minor", as: Int64.self))
            // A cancelled pledge counts for what was delivered before (as the CSR page counts it).
            let cancelled = try row.decode(column: "state", as: String.self) == PledgeState.cancelled.rawValue
            let promised = cancelled ? given : Double(try row.decode(column: "value_minor", as: Int64.self))
            let years = [year(try row.decode(column: "pledged_on", as: String.self)), 0]
            pledged.tally.add(0, wilaya: wilaya, domains: domains, years: years, categories: [("currency", currency, promised)])
            delivered.tally.add(0, wilaya: wilaya, domains: domains, years: years, categories: [("currency", currency, given)])
        }
        return [pledged, delivered]
    }

    // MARK: participation

    static func participation(_ sql: any SQLDatabase, now: Date) async throws -> [Figure] {
        var proposals = Figure("proposals", .flow)
        for row in try await sql.select().column("wilaya_code").column("domain_code").column("published_at").column("created_at")
            .from("proposals").where("state", .notEqual, SQLBind("draft"))
            .where("pending_moderation", .equal, SQLBind(false)).where("hidden_at", .is, SQLLiteral.null).all()
        {
            let published = try row.decode(column: "published_at", as: Date?.self) ?? row.decode(column: "created_at", as: Date.self)
            proposals.tally.add(1, wilaya: try row.decode(column: "wilaya_code", as: String?.self),
                                domains: [try row.decode(column: "domain_code", as: String?.self) ?? ""],
                                years: [year(published), 0])
        }
        var answers = Figure("survey_answers", .flow, hasDomains: false)
        for row in try await sql.select().column(SQLColumn("wilaya_code", table: "r")).column(SQLColumn("created_at", table: "r"))
            .from(SQLAlias(SQLIdentifier("survey_responses"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("surveys"), as: SQLIdentifier("s")),
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("survey_id", table: "r"))
            .where(SQLColumn("state", table: "s"), .notEqual, SQLBind("draft")).all()
        {
            answers.tally.add(1, wilaya: try row.decode(column: "wilaya_code", as: String?.self), domains: [],
                              years: [year(try row.decode(column: "created_at", as: Date.self)), 0])
        }
        // Voters of the participatory budgets, once the vote is over (as the results are published), by the
        // wilaya they gave; the turnout is counted as ballots are cast.
        var voters = Figure("voters", .flow, hasDomains: false)
        for row in try await sql.select().column(SQLColumn("wilaya_code", table: "t")).column(SQLColumn("closes_at", table: "e"))
            .column(SQLAlias(SQLRaw("CAST(SUM(t.voters) AS BIGINT)"), as: SQLIdentifier("voters")))
            .from(SQLAlias(SQLIdentifier("election_turnout"), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("budget_elections"), as: SQLIdentifier("e")),
                  on: SQLColumn("id", table: "e"), .equal, SQLColumn("election_id", table: "t"))
            .where(SQLColumn("state", table: "e"), .equal, SQLBind("scheduled"))
            .where(SQLColumn("closes_at", table: "e"), .lessThanOrEqual, SQLBind(now))
            .groupBy(SQLColumn("election_id", table: "t")).groupBy(SQLColumn("wilaya_code", table: "t"))
            .groupBy(SQLColumn("closes_at", table: "e")).all()
        {
            let wilaya = try row.decode(column: "wilaya_code", as: String.self)
            voters.tally.add(Double(try row.decode(column: "voters", as: Int64.self)), wilaya: wilaya, domains: [],
                             years: [year(try row.decode(column: "closes_at", as: Date.self)), 0])
        }
        return [proposals, answers, voters]
    }

    // MARK: capacity

    static func capacity(on db: any Database) async throws -> [Figure] {
        var events = Figure("events", .flow)
        var trained = Figure("people_trained", .flow)
        // An event called off was not held: it is not counted, nor anyone trained there.
        let all = try await CapacityEvent.query(on: db).filter(\.$cancelledAt == nil).all()
        for event in all {
            events.tally.add(1, wilaya: event.wilayaCode, domains: event.domains, years: [year(event.startsAt), 0],
                             categories: [("kind", event.kind.rawValue, 1)])
        }
        for person in try await Attendance.completed(all.filter(\.certifies), on: db) {
            trained.tally.add(1, wilaya: person.event.wilayaCode, domains: person.event.domains,
                              years: [year(person.event.startsAt), 0])
        }
        return [events, trained]
    }
}
