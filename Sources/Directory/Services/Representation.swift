import Fluent
import Platform
import SQLKit
import Vapor

/// Who represents which organisation.
public enum Representation {
    public static func represents(userID: UUID, organizationID: UUID, on db: any Database) async throws -> Bool {
        // One query by SQL: pages ask it for every signed-in representative (may they organise, moderate?).
        if let sql = db as? any SQLDatabase {
            return try await sql.raw("""
                SELECT 1 AS yes FROM organization_representatives r JOIN people p ON p.id = r.person_id
                WHERE p.user_id = \(bind: userID) AND r.organization_id = \(bind: organizationID) LIMIT 1
                """).first() != nil
        }
        guard let person = try await Person.query(on: db).filter(\.$userID == userID).first(),
              let personID = person.id else { return false }
        return try await OrganizationRepresentative.query(on: db).filter(\.$personID == personID)
            .filter(\.$organizationID == organizationID).count() > 0
    }

    /// Organisations a user represents.
    public static func organizations(of userID: UUID, on db: any Database) async throws -> [Organization] {
        guard let personID = try await Person.query(on: db).filter(\.$userID == userID).first()?.id else { return [] }
        let ids = try await OrganizationRepresentative.query(on: db).filter(\.$personID == personID).all()
            .map(\.organizationID)
        guard !ids.isEmpty else { return [] }
        return try await Organization.query(on: db).filter(\.$id ~~ ids).sort(\.$sortName).all()
    }

    /// Organisations a user represents that are verified: those they may act for in the network.
    public static func verifiedOrganizations(of userID: UUID, on db: any Database) async throws -> [Organization] {
        try await organizations(of: userID, on: db).filter { $0.verification == .verified }
    }

    /// Accounts of the people representing an organisation.
    public static func userIDs(of organizationID: UUID, on db: any Database) async throws -> [UUID] {
        let personIDs = try await OrganizationRepresentative.query(on: db).filter(\.$organizationID == organizationID)
            .all().map(\.personID)
        guard !personIDs.isEmpty else { return [] }
        return try await Person.query(on: db).filter(\.$id ~~ personIDs).all().compactMap(\.userID)
    }

    /// The directory profile of an account, made (private, with the account's name) when it has none.
    static func person(for user: User, on db: any Database) async throws -> Person {
        let userID = try user.requireID()
        if let person = try await Person.query(on: db).filter(\.$userID == userID).first() { return person }
        let person = Person()
        person.userID = userID
        person.displayName = user.displayName
        person.kind = .member
        person.languages = user.preferredLanguage.rawValue
        person.availability = .available
        person.isPublic = false
        try await person.create(on: db)
        return person
    }

    /// Makes an account a representative of an organisation, with the role that lets it act for it; audited.
    /// Call inside a transaction.
    static func link(_ user: User, to organizationID: UUID, as role: RepresentativeRole, actor: AuditActor,
                     on tx: any Database, now: Date) async throws {
        let person = try await person(for: user, on: tx)
        let personID = try person.requireID()
        let existing = try await OrganizationRepresentative.query(on: tx).filter(\.$personID == personID)
            .filter(\.$organizationID == organizationID).first()
        guard existing == nil else { throw DirectoryError.alreadyRepresentative }
        try await OrganizationRepresentative(organizationID: organizationID, personID: personID, role: role).create(on: tx)
        try await RoleChange.apply(grant: true, role: .organizationRepresentative, userID: try user.requireID(),
                                   actor: actor, on: tx, now: now)
        try await AuditLog.record(on: tx, actor: actor, action: "organization.representative_added",
                                  subjectType: "organization", subjectID: organizationID.uuidString,
                                  details: ["user": try user.requireID().uuidString, "role": role.rawValue], at: now)
    }

    /// Ends a representation; an account that represents nothing any more loses the representative's role.
    /// Call inside a transaction.
    static func unlink(_ representative: OrganizationRepresentative, actor: AuditActor, on tx: any Database, now: Date)
        async throws
    {
        try await representative.delete(on: tx)
        let person = try await Person.find(representative.personID, on: tx)
        if let userID = person?.userID,
           try await OrganizationRepresentative.query(on: tx).filter(\.$personID == representative.personID).count() == 0 {
            try await RoleChange.apply(grant: false, role: .organizationRepresentative, userID: userID, actor: actor,
                                       on: tx, now: now)
        }
        try await AuditLog.record(on: tx, actor: actor, action: "organization.representative_removed",
                                  subjectType: "organization", subjectID: representative.organizationID.uuidString,
                                  details: ["person": representative.personID.uuidString], at: now)
    }
}
