import Directory
import Fluent
import Platform
import Vapor

/// Who organises an event and who may register for it.
public enum EventPolicy {
    /// Staff who organise events (for any organisation) and representatives of the organiser.
    public static func mayOrganize(_ user: CurrentUser?, organizerID: UUID, on db: any Database) async throws -> Bool {
        guard let user else { return false }
        if user.may(.organizeEvents) { return true }
        guard user.may(.representOrganizations) else { return false }
        return try await Representation.represents(userID: user.id, organizationID: organizerID, on: db)
    }

    public static func mayCreate(_ user: CurrentUser?) -> Bool {
        guard let user else { return false }
        return user.may(.organizeEvents) || user.may(.representOrganizations)
    }

    /// The organisations one may organise an event for: the verified ones one represents, and for staff the network
    /// and the observatory too.
    public static func organizers(for user: CurrentUser, on db: any Database) async throws -> [Organization] {
        var organizations = try await Representation.verifiedOrganizations(of: user.id, on: db)
        if user.may(.organizeEvents) {
            let known = Set(organizations.compactMap(\.id))
            organizations += try await Organization.query(on: db).filter(\.$kind ~~ [.network, .observatory])
                .filter(\.$verification == .verified).sort(\.$sortName).all().filter { !known.contains($0.id ?? UUID()) }
        }
        return organizations
    }

    /// Whether the person belongs to the event's audience: anyone signed in for a public event; a representative of a
    /// verified organisation for associations; of an active member of the network for members. Staff who organise
    /// events may register anyone.
    public static func inAudience(_ user: CurrentUser, _ event: CapacityEvent, on db: any Database) async throws -> Bool {
        if event.audience == .public || user.may(.organizeEvents) { return true }
        let organizations = try await Representation.verifiedOrganizations(of: user.id, on: db)
        if event.audience == .associations { return !organizations.isEmpty }
        let ids = organizations.compactMap(\.id)
        guard !ids.isEmpty else { return false }
        return try await NetworkMembership.query(on: db).filter(\.$memberID ~~ ids).filter(\.$state == .active).count() > 0
    }
}
