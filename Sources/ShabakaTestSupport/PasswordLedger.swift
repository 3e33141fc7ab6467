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
