import Capacity
import Directory
import Fluent
import Foundation
import Participation
import Projects
import SQLKit

/// The public tables of the open data, each with the rooms' own rule of what is public, and never anything personal:
/// no person, no account, no e-mail address, telephone or street address (organisations' own included), no author
/// of a proposal, no ballot that says who cast it. Rows come in a fixed order (a code, a slug or an id).
enum OpenDataTables {
    typealias Cell = OpenDataTable.Cell

    static func all(on db: any Database) async throws -> [OpenDataTable] {
        let organizations = try await Organization.query(on: db).filter(\.$verification == .verified).sort(\.$slug).all()
        let visible = Set(organizations.compactMap(\.id))
        return [
            try await wilayas(on: db), try await domains(on: db), Self.organizations(organizations),
            try await organizationDomains(visible, on: db), try await memberships(visible, on: db),
            try await projects(on: db), try await reports(on: db), try await pledges(on: db),
            try await proposals(on: db), try await events(on: db),
        ]
    }

    static func text(_ value: String?) -> Cell { .text(value) }
    static func number<N: BinaryInteger>(_ value: N?) -> Cell { .number(value.map(Int64.init)) }

    static func wilayas(on db: any Database) async throws -> OpenDataTable {
        OpenDataTable(name: "wilayas", title: "Wilayas (ISO 3166-2:DZ)", fields: [
            ("code", .string, "Two-digit code"), ("iso_code", .string, "ISO 3166-2:DZ code"),
            ("name_ar", .string, "Arabic name"), ("name_fr", .string, "French name"),
        ], rows: try await Wilaya.query(on: db).sort(\.$id).all().map {
            [text($0.id), text($0.isoCode), text($0.nameArabic), text($0.nameFrench)]
        })
    }

    static func domains(on db: any Database) async throws -> OpenDataTable {
        OpenDataTable(name: "domains", title: "Domains of activity", fields: [
            ("code", .string, "Code"), ("domain_group", .string, "sse, democracy or csr"),
            ("name_ar", .string, ""), ("name_fr", .string, ""), ("name_en", .string, ""),
        ], rows: try await Domain.query(on: db).sort(\.$position).sort(\.$id).all().map {
            [text($0.id), text($0.group), text($0.name.ar), text($0.name.fr), text($0.name.en)]
        })
    }

    static func organizations(_ rows: [Organization]) -> OpenDataTable {
        OpenDataTable(name: "organizations", title: "Verified organisations of the directory", fields: [
            ("id", .string, ""), ("slug", .string, ""), ("kind", .string, ""), ("name_ar", .string, ""),
            ("name_fr", .string, ""), ("name_en", .string, ""), ("acronym", .string, ""),
            ("wilaya_code", .string, "Seat's wilaya"), ("commune", .string, ""), ("website", .string, ""),
            ("founded_on", .date, ""), ("accreditation_date", .date, ""),
        ], rows: rows.map {
            [text($0.id?.uuidString.lowercased()), text($0.slug), text($0.kind.rawValue), text($0.name.ar),
             text($0.name.fr), text($0.name.en), text($0.acronym), text($0.wilayaCode), text($0.commune),
             text($0.website), text($0.foundedOn), text($0.accreditationDate)]
        })
    }

    static func organizationDomains(_ visible: Set<UUID>, on db: any Database) async throws -> OpenDataTable {
        let links = try await OrganizationDomain.query(on: db).all().filter { visible.contains($0.organizationID) }
            .map { ($0.organizationID.uuidString.lowercased(), $0.domainCode) }.sorted { $0 < $1 }
        return OpenDataTable(name: "organization_domains", title: "Domains each organisation works in", fields: [
            ("organization_id", .string, ""), ("domain_code", .string, ""),
        ], rows: links.map { [text($0.0), text($0.1)] })
    }

    static func memberships(_ visible: Set<UUID>, on db: any Database) async throws -> OpenDataTable {
        let rows = try await NetworkMembership.query(on: db).all().filter { visible.contains($0.memberID) }
            .sorted { ($0.networkID.uuidString, $0.memberID.uuidString) < ($1.networkID.uuidString, $1.memberID.uuidString) }
        return OpenDataTable(name: "memberships", title: "Memberships of the network", fields: [
            ("network_id", .string, ""), ("member_id", .string, ""), ("state", .string, "active, suspended or terminated"),
            ("admitted_on", .date, ""),
        ], rows: rows.map {
            [text($0.networkID.uuidString.lowercased()), text($0.memberID.uuidString.lowercased()),
             text($0.state.rawValue), OpenDataTable.day($0.createdAt)]
        })
    }

    static func projects(on db: any Database) async throws -> OpenDataTable {
        OpenDataTable(name: "projects", title: "Projects (past their draft)", fields: [
            ("id", .string, ""), ("slug", .string, ""), ("organization_id", .string, ""), ("title_ar", .string, ""),
            ("title_fr", .string, ""), ("title_en", .string, ""), ("domain_code", .string, ""),
            ("wilaya_code", .string, ""), ("state", .string, ""), ("budget_minor", .integer, "In hundredths"),
            ("currency", .string, ""), ("starts_on", .date, ""), ("ends_on", .date, ""), ("expected_jobs", .integer, ""),
        ], rows: try await Project.query(on: db).filter(\.$state != .draft).sort(\.$slug).all().map {
            [text($0.id?.uuidString.lowercased()), text($0.slug), text($0.organizationID.uuidString.lowercased()),
             text($0.title.ar), text($0.title.fr), text($0.title.en), text($0.domainCode), text($0.wilayaCode),
             text($0.state.rawValue), number($0.budgetMinor), text($0.currency), text($0.startsOn), text($0.endsOn),
             number($0.expectedJobs)]
        })
    }

    static func reports(on db: any Database) async throws -> OpenDataTable {
        let shown = Set(try await Project.query(on: db).filter(\.$state != .draft).all().compactMap(\.id))
        let rows = try await ProjectReport.query(on: db).sort(\.$projectID).sort(\.$periodSort).all()
            .filter { shown.contains($0.projectID) }
        return OpenDataTable(name: "project_reports", title: "Projects' follow-up reports", fields: [
            ("project_id", .string, ""), ("period", .string, "2026-Q3 or 2026-07"), ("jobs_created", .integer, ""),
            ("jobs_created_women", .integer, "When the report gives it"), ("jobs_sustained", .integer, ""),
            ("beneficiaries", .integer, ""), ("volunteers", .integer, ""), ("revenue_minor", .integer, "In hundredths"),
        ], rows: rows.map {
            [text($0.projectID.uuidString.lowercased()), text($0.period), number($0.jobsCreated),
             number($0.jobsCreatedBreakdown["sex"]?["f"].map { Int64($0) }), number($0.jobsSustained),
             number($0.beneficiaries), number($0.volunteers), number($0.revenueMinor)]
        })
    }

    static func pledges(on db: any Database) async throws -> OpenDataTable {
        let rows = try await CSRPledge.query(on: db).all().sorted { ($0.pledgedOn, $0.id?.uuidString ?? "") < ($1.pledgedOn, $1.id?.uuidString ?? "") }
        return OpenDataTable(name: "csr_pledges", title: "Companies' pledges (social responsibility)", fields: [
            ("id", .string, ""), ("company_id", .string, ""), ("project_id", .string, ""), ("kind", .string, ""),
            ("value_minor", .integer, ""), ("delivered_minor", .integer, ""), ("currency", .string, ""),
            ("state", .string, ""), ("pledged_on", .date, ""),
        ], rows: rows.map {
            [text($0.id?.uuidString.lowercased()), text($0.companyID.uuidString.lowercased()),
             text($0.projectID?.uuidString.lowercased()), text($0.kind.rawValue), number($0.valueMinor),
             number($0.deliveredMinor), text($0.currency), text($0.state.rawValue), text($0.pledgedOn)]
        })
    }

    static func proposals(on db: any Database) async throws -> OpenDataTable {
        let rows = try await Proposal.query(on: db).filter(\.$state != .draft).filter(\.$pendingModeration == false)
            .filter(\.$hiddenAt == nil).all()
            .sorted { ($0.publishedAt ?? $0.createdAt, $0.id?.uuidString ?? "") < ($1.publishedAt ?? $1.createdAt, $1.id?.uuidString ?? "") }
        return OpenDataTable(name: "proposals", title: "Citizens' proposals (published)", fields: [
            ("id", .string, ""), ("process_id", .string, ""), ("title", .string, "In its author's language"),
            ("state", .string, ""), ("wilaya_code", .string, ""), ("domain_code", .string, ""), ("published_on", .date, ""),
        ], rows: rows.map {
            [text($0.id?.uuidString.lowercased()), text($0.processID.uuidString.lowercased()), text($0.title),
             text($0.state.rawValue), text($0.wilayaCode), text($0.domainCode), OpenDataTable.day($0.publishedAt ?? $0.createdAt)]
        })
    }

    static func events(on db: any Database) async throws -> OpenDataTable {
        let rows = try await CapacityEvent.query(on: db).all()
            .sorted { ($0.startsAt, $0.id?.uuidString ?? "") < ($1.startsAt, $1.id?.uuidString ?? "") }
        return OpenDataTable(name: "events", title: "Trainings and events", fields: [
            ("id", .string, ""), ("organizer_id", .string, ""), ("kind", .string, ""), ("title_ar", .string, ""),
            ("title_fr", .string, ""), ("title_en", .string, ""), ("starts_at", .datetime, ""), ("ends_at", .datetime, ""),
            ("wilaya_code", .string, "Empty when online"), ("audience", .string, ""), ("capacity", .integer, ""),
            ("domain_codes", .string, "Comma-separated"),
            ("cancelled_on", .date, "The day the organiser called the event off; empty when it was held"),
        ], rows: rows.map {
            [text($0.id?.uuidString.lowercased()), text($0.organizerID.uuidString.lowercased()), text($0.kind.rawValue),
             text($0.title.ar), text($0.title.fr), text($0.title.en), OpenDataTable.datetime($0.startsAt),
             OpenDataTable.datetime($0.endsAt), text($0.wilayaCode), text($0.audience.rawValue), number($0.capacity),
             text($0.domainCodes), OpenDataTable.day($0.cancelledAt)]
        })
    }
}
