import Agreements
import Directory
import Fluent
import Platform
import Projects
import SQLKit
import Vapor

/// The network's front page in each language: what the network and its agreement with the observatory are, key
/// figures counted from the stored records, what is open now, and one way in per kind of visitor.
struct HomePageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    /// Counted from the stored records on each view (a handful of aggregate queries).
    struct Figures: Encodable {
        /// Member organisations of the network (active memberships).
        let members: Int
        /// Projects approved, under way, completed or evaluated.
        let projects: Int
        /// Jobs created, summed over every report of those projects.
        let jobsCreated: Int
        /// Wilayas where a member organisation is based or a project takes place.
        let wilayas: Int
    }

    struct OpenAgreement: Encodable {
        let slug: String
        let title: LocalizedText
        let summary: LocalizedText
        let state: String
    }

    struct RunningProject: Encodable {
        let slug: String
        let title: LocalizedText
        let wilaya: String
    }

    struct Context: Encodable {
        let page: PageMeta
        let figures: Figures
        let agreements: [OpenAgreement]
        let projects: [RunningProject]
        let organizations: [OrganizationSummary]
    }

    static let countedProjectStates: [ProjectState] = [.approved, .inProgress, .completed, .evaluated]

    @Sendable func show(req: Request) async throws -> Response {
        let language = req.language
        let organizations = try await OrganizationSummary.featured(on: req.db, language: language)
        let reference = try await req.referenceData()
        let context = Context(
            page: try await PageMeta.make(for: req, titleKey: "home.title"),
            figures: try await Self.figures(on: req.db),
            agreements: try await Agreement.query(on: req.db).filter(\.$state ~~ [.signed, .active])
                .sort(\.$slug).limit(3).all()
                .map { OpenAgreement(slug: $0.slug, title: LocalizedText($0.title, in: language),
                                     summary: LocalizedText($0.summary, in: language), state: $0.state.rawValue) },
            projects: try await Project.query(on: req.db).filter(\.$state == .inProgress).sort(\.$slug).limit(4).all()
                .map { RunningProject(slug: $0.slug, title: LocalizedText($0.title, in: language),
                                      wilaya: reference.wilaya($0.wilayaCode)?.name(in: language) ?? "") },
            organizations: organizations)
        return try await req.render("home", context)
    }

    static func figures(on db: any Database) async throws -> Figures {
        let members = Set(try await NetworkMembership.query(on: db).filter(\.$state == .active).all(\.$memberID))
        // Only the columns the figures need: ids and wilayas of the counted projects, never their texts.
        let projects = try await Project.query(on: db).filter(\.$state ~~ countedProjectStates)
            .field(\.$id).field(\.$wilayaCode).all()
        let projectIDs = projects.compactMap(\.id)
        // Jobs created are a flow: summed over the reports, by the database (cast: PostgreSQL's SUM is a NUMERIC).
        var jobs = 0
        if !projectIDs.isEmpty, let sql = db as? any SQLDatabase {
            jobs = try await sql.select()
                .column(SQLRaw("CAST(COALESCE(SUM(jobs_created), 0) AS BIGINT)"), as: "jobs")
                .from(ProjectReport.schema).where("project_id", .in, projectIDs)
                .first(decodingColumn: "jobs", as: Int.self) ?? 0
        }
        var wilayas = Set(projects.map(\.wilayaCode))
        if !members.isEmpty {
            let codes = try await Organization.query(on: db).filter(\.$id ~~ members).all(\.$wilayaCode)
            wilayas.formUnion(codes.compactMap { $0 })
        }
        wilayas.remove("")
        return Figures(members: members.count, projects: projects.count, jobsCreated: jobs, wilayas: wilayas.count)
    }
}
