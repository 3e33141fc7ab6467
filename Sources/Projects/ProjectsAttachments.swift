import Directory
import Fluent
import Platform
import Vapor

/// Who attaches and reads the documents of the Projects room: a progress report's and a difficulty's, the
/// association's representatives and the network's staff; an expertise request's, the association and the assigned
/// expert (and staff).
enum ProjectsAttachments {
    static func isStaff(_ user: CurrentUser) -> Bool {
        user.may(.reviewProjects) || user.may(.evaluateProjects) || user.may(.diagnoseDifficulties)
    }

    static func mayRead(_ user: CurrentUser?, project: Project, on db: any Database) async throws -> Bool {
        guard let user else { return false }
        if isStaff(user) { return true }
        return try await Representation.represents(userID: user.id, organizationID: project.organizationID, on: db)
    }

    static func project(ofReport id: UUID, on db: any Database) async throws -> Project? {
        guard let report = try await ProjectReport.find(id, on: db) else { return nil }
        return try await Project.find(report.projectID, on: db)
    }

    static func project(ofDifficulty id: UUID, on db: any Database) async throws -> Project? {
        guard let difficulty = try await Difficulty.find(id, on: db) else { return nil }
        return try await Project.find(difficulty.projectID, on: db)
    }

    static func mayReadExpertise(_ user: CurrentUser?, _ id: UUID, on db: any Database) async throws -> Bool {
        guard let user, let request = try await ExpertiseRequest.find(id, on: db) else { return false }
        if user.may(.assignExpertise) { return true }
        if try await ExpertiseService.isAssignedExpert(user, of: request, on: db) { return true }
        return try await Representation.represents(userID: user.id, organizationID: request.organizationID, on: db)
    }

    static let owners: [AttachmentOwner] = [
        AttachmentOwner(
            type: "report",
            mayAttach: { user, id, db in
                guard let project = try await project(ofReport: id, on: db) else { return false }
                return try await mayRead(user, project: project, on: db)
            },
            mayRead: { user, id, db in
                guard let project = try await project(ofReport: id, on: db) else { return false }
                return try await mayRead(user, project: project, on: db)
            },
            page: { id, db in try await project(ofReport: id, on: db).map { "projects/" + $0.slug } }),
        AttachmentOwner(
            type: "difficulty",
            mayAttach: { user, id, db in
                guard let project = try await project(ofDifficulty: id, on: db) else { return false }
                return try await mayRead(user, project: project, on: db)
            },
            mayRead: { user, id, db in
                guard let project = try await project(ofDifficulty: id, on: db) else { return false }
                return try await mayRead(user, project: project, on: db)
            },
            page: { id, _ in "difficulties/" + id.uuidString }),
        AttachmentOwner(
            type: "expertise",
            mayAttach: { user, id, db in try await mayReadExpertise(user, id, on: db) },
            mayRead: { user, id, db in try await mayReadExpertise(user, id, on: db) },
            page: { id, _ in "expertise/" + id.uuidString }),
    ]
}
