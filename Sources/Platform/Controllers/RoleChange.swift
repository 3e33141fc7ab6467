import Fluent
import Vapor

/// Granting and revoking roles, audited.
public enum RoleChange {
    public static func apply(
        grant: Bool, role: Role, userID: UUID, actor: AuditActor, on db: any Database, now: Date
    ) async throws {
        try await db.transaction { tx in
            let existing = try await UserRole.query(on: tx).filter(\.$user.$id == userID).filter(\.$role == role).first()
            if grant, existing == nil {
                try await UserRole(userID: userID, role: role).create(on: tx)
            } else if !grant, let existing {
                try await existing.delete(on: tx)
            } else {
                return
            }
            try await AuditLog.record(on: tx, actor: actor, action: grant ? "role.granted" : "role.revoked",
                                      subjectType: "user", subjectID: userID.uuidString, details: ["role": role.rawValue],
                                      at: now)
        }
    }
}
