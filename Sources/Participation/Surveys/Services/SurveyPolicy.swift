import Directory
import Fluent
import Platform
import Vapor

/// Who organises a survey: for one within a process, its organiser (``ParticipationPolicy``); for one of the
/// network itself, its staff (those who manage processes).
public enum SurveyPolicy {
    /// May create surveys at all (for some process, or for the network).
    public static func mayCreate(_ user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.may(.manageProcesses) || user.may(.representOrganizations)
    }

    public static func isOrganizer(_ user: CurrentUser?, processID: UUID?, on db: any Database) async throws -> Bool {
        guard let user else { return false }
        if user.may(.manageProcesses) { return true }
        guard let processID, let process = try await ParticipatoryProcess.find(processID, on: db) else { return false }
        return try await ParticipationPolicy.isOrganizer(user, of: process, on: db)
    }

    public static func isOrganizer(_ user: CurrentUser?, of survey: Survey, on db: any Database) async throws -> Bool {
        try await isOrganizer(user, processID: survey.processID, on: db)
    }

    public static func requireOrganizer(_ user: CurrentUser, of survey: Survey, on db: any Database) async throws {
        guard try await isOrganizer(user, of: survey, on: db) else { throw SurveyError.notTheOrganizer }
    }

    /// The processes this person may attach a survey to (every one for the network's staff).
    public static func processes(for user: CurrentUser, on db: any Database) async throws -> [ParticipatoryProcess] {
        let all = try await ParticipatoryProcess.query(on: db).sort(\.$createdAt, .descending).all()
        if user.may(.manageProcesses) { return all }
        guard user.may(.representOrganizations) else { return [] }
        let represented = Set(try await Representation.organizations(of: user.id, on: db).compactMap(\.id))
        return all.filter { represented.contains($0.organizerID) }
    }
}
