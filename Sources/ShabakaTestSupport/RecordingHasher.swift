import Foundation
import NIOConcurrencyHelpers
import Platform
import VaporTesting

struct RecordingHasher: PasswordHasher {
    let cost: Int
    let ledger: PasswordLedger

    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        ledger.recordHash()
        return Array(try Bcrypt.hash(String(decoding: password, as: UTF8.self), cost: cost).utf8)
    }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
        let text = String(decoding: digest, as: UTF8.self)
        ledger.recordCheck(text)
        return try Bcrypt.verify(String(decoding: password, as: UTF8.self), created: text)
    }
}

/// Replaces the app's password hashing with Bcrypt at the configured cost that records every hash and check.
public func recordPasswordWork(_ app: Application) -> PasswordLedger {
    let ledger = PasswordLedger()
    let cost = app.shabakaConfig.bcryptCost
    app.passwords.use { _ in RecordingHasher(cost: cost, ledger: ledger) }
    return ledger
}
