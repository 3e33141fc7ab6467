import Foundation
import NIOConcurrencyHelpers
import Platform
import VaporTesting

/// Bcrypt that counts what it is asked: how many hashes, and the digest of every check (its cost shows in it).
public final class PasswordLedger: Sendable {
    private let state = NIOLockedValueBox<(hashes: Int, checks: [String])>((0, []))

    public var hashes: Int { state.withLockedValue { $0.hashes } }
    public var checkedDigests: [String] { state.withLockedValue { $0.checks } }

    func recordHash() { state.withLockedValue { $0.hashes += 1 } }
    func recordCheck(_ digest: String) { state.withLockedValue { $0.checks.append(digest) } }
}

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
