import Crypto
import Fluent
import Foundation
import Platform
import SQLKit

/// Keyed hashes (HMAC-SHA256) with the room's secret, made once at migration and kept in the database so every
/// instance agrees: a document number is recognised again without being stored.
public enum Keyed {
    public static func hash(_ text: String, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        return HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).hex
    }

    /// The room's secret.
    public static func secret(on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase,
              let row = try await sql.raw("SELECT secret FROM participation_secrets WHERE id = 1").first()
        else { throw ParticipationError.secretMissing }
        return try row.decode(column: "secret", as: String.self)
    }

    /// 32 random bytes, hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hex
    }
}
