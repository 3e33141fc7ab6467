import Fluent
import SQLKit
import Vapor

/// Issues and spends one-time account links.
///
/// Spending is one conditional `UPDATE` (unused, unexpired, this hash) so that two requests with the same
/// link cannot both succeed, and it ends the person's other links of the same purpose.
enum AccountLinks {
    /// A new link's token (to put in the e-mail) after storing its hash.
    static func issue(_ purpose: AccountToken.Purpose, for userID: UUID, on db: any Database, now: Date) async throws
        -> String
    {
        let (token, hash) = APIToken.generate()
        try await AccountToken(userID: userID, purpose: purpose, tokenHash: hash, at: now).create(on: db)
        return token
    }

    /// The account of a link that is still valid (the link is not spent: for showing a form).
    static func peek(_ purpose: AccountToken.Purpose, token: String, on db: any Database, now: Date) async throws -> UUID? {
        guard !token.isEmpty, token.utf8.count <= 200 else { return nil }
        return try await AccountToken.query(on: db).filter(\.$tokenHash == APIToken.digest(token))
            .filter(\.$purpose == purpose).filter(\.$usedAt == nil).filter(\.$expiresAt > now).first()?.$user.id
    }

    /// Spends the link inside `tx`: the account it was for, or nil when it is unknown, used or expired.
    /// The claim is the transaction's first statement, a write: on SQLite a transaction that reads first and
    /// then writes can be refused outright ("database is locked") when another one writes at the same time.
    static func spend(_ purpose: AccountToken.Purpose, token: String, on tx: any Database, now: Date) async throws -> UUID? {
        guard !token.isEmpty, token.utf8.count <= 200, let sql = tx as? any SQLDatabase else { return nil }
        let claimed = try await sql.update(AccountToken.schema).set("used_at", to: now)
            .where("token_hash", .equal, APIToken.digest(token)).where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, now)
            .returning("user_id").all()
        guard let row = claimed.first else { return nil }
        let userID = try row.decode(column: "user_id", as: UUID.self)
        try await AccountToken.query(on: tx).filter(\.$user.$id == userID).filter(\.$purpose == purpose)
            .filter(\.$usedAt == nil).set(\.$usedAt, to: now).update()
        return userID
    }
}
