import Directory
import Fluent
import Platform
import Vapor

/// Who may see and act on a project, beyond the permission a role grants: the association's own
/// representatives, or the network's staff for the task at hand.
public enum ProjectsPolicy {
    /// The user must represent the organisation, unless they review projects for the network.
    static func requireOwner(_ user: CurrentUser, of organizationID: UUID, on db: any Database) async throws {
        try await requireRepresentative(user, of: organizationID, unless: .reviewProjects, on: db)
    }

    /// The user must represent the organisation, unless they hold `staff` (the network's staff for that task).
    static func requireRepresentative(_ user: CurrentUser, of organizationID: UUID, unless staff: Permission,
                                      on db: any Database) async throws {
        if user.may(staff) { return }
        guard try await Representation.represents(userID: user.id, organizationID: organizationID, on: db) else {
            throw ProjectsError.notYourProject
        }
        // An organisation acts in the network once the network's staff have verified it.
        if let organization = try await Organization.find(organizationID, on: db) {
            try OrganizationPolicy.requireVerified(organization)
        }
    }

    /// What a viewer may see of the project lists: everything but drafts, plus the drafts of the
    /// organisations they represent; staff who review projects see every draft.
    struct Visibility: Sendable {
        /// nil: every project.
        let draftsOf: Set<UUID>?

        func allows(_ project: Project) -> Bool {
            project.state != .draft || draftsOf.map { $0.contains(project.organizationID) } ?? true
        }
    }

    static func visibility(for viewer: CurrentUser?, on db: any Database) async throws -> Visibility {
        guard let viewer else { return Visibility(draftsOf: []) }
        if viewer.may(.reviewProjects) { return Visibility(draftsOf: nil) }
        return Visibility(draftsOf: Set(try await Representation.organizations(of: viewer.id, on: db).compactMap(\.id)))
    }

    /// Throws "not found" for a project the viewer may not see (a draft is its association's own business
    /// until it is submitted; its existence is not confirmed either).
    static func requireVisible(_ project: Project, to viewer: CurrentUser?, on db: any Database) async throws {
        guard project.state == .draft else { return }
        guard try await visibility(for: viewer, on: db).allows(project) else { throw ProjectsError.projectNotFound }
    }

    /// Expertise requests are visible to the network's staff and experts, and to the associations that made them.
    static func requireReader(of request: ExpertiseRequest, _ req: Request) async throws {
        let user = try req.requireUser()
        if user.may(.assignExpertise) { return }
        if try await ExpertiseService.isAssignedExpert(user, of: request, on: req.db) { return }
        guard try await Representation.represents(userID: user.id, organizationID: request.organizationID, on: req.db) else {
            throw ProjectsError.notYourProject
        }
    }
}
