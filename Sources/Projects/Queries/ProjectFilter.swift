import Directory
import Fluent
import Platform
import Vapor

/// Filters of the project list: `state`, `wilaya`, `domain`, `organization` (slug).
struct ProjectFilter {
    var state: ProjectState?
    var wilaya: String?
    var domain: String?
    var organizationID: UUID?
    var organizationSlug: String?

    static func from(_ req: Request) async throws -> ProjectFilter {
        var errors: [FieldError] = []
        var filter = ProjectFilter()
        if let raw = req.query[String.self, at: "state"], !raw.isEmpty {
            filter.state = Validate.choice(raw, field: "state", as: ProjectState.self, into: &errors)
        }
        let reference = try await req.referenceData()
        if let raw = req.query[String.self, at: "wilaya"], !raw.isEmpty {
            if reference.wilayaCodes.contains(raw) { filter.wilaya = raw } else { errors.append(FieldError("wilaya", "validation.invalid_choice")) }
        }
        if let raw = req.query[String.self, at: "domain"], !raw.isEmpty {
            if reference.domainCodes.contains(raw) { filter.domain = raw } else { errors.append(FieldError("domain", "validation.invalid_choice")) }
        }
        if let raw = req.query[String.self, at: "organization"], !raw.isEmpty {
            if let organization = try await Organization.query(on: req.db).filter(\.$slug == raw).first() {
                filter.organizationID = organization.id
                filter.organizationSlug = raw
            } else { errors.append(FieldError("organization", "validation.invalid_choice")) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    var parameters: [String: String] {
        ["state": state?.rawValue ?? "", "wilaya": wilaya ?? "", "domain": domain ?? "",
         "organization": organizationSlug ?? ""]
    }

    /// One page of the list by slug, as the viewer may see it (``ProjectsPolicy``): the page and the API share it.
    func page(_ page: PageQuery, viewer: CurrentUser?, on db: any Database) async throws -> ([ProjectRow], Int) {
        let visibility = try await ProjectsPolicy.visibility(for: viewer, on: db)
        var query = Project.query(on: db)
        if let owners = visibility.draftsOf {
            query = query.group(.or) { group in
                group.filter(\.$state != .draft)
                if !owners.isEmpty { group.filter(\.$organizationID ~~ owners) }
            }
        }
        if let state { query = query.filter(\.$state == state) }
        if let wilaya { query = query.filter(\.$wilayaCode == wilaya) }
        if let domain { query = query.filter(\.$domainCode == domain) }
        if let organizationID { query = query.filter(\.$organizationID == organizationID) }
        let total = try await query.count()
        let rows = try await query.sort(\.$slug).sort(\.$id).range(page.range).all()
        return (try rows.map(ProjectRow.init), total)
    }
}
