import Foundation
import Vapor

/// Addresses (or CIDR ranges) of the reverse proxies in front of the server (`SHABAKA_TRUSTED_PROXIES`).
///
/// `X-Forwarded-For` is believed only when the peer is one of them; anyone else could write any address
/// there and escape the per-address throttles.
public struct TrustedProxies: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for (left, right) in zip(bytes, address) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if left & mask != right & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    let ranges: [Range]

    public static let none = TrustedProxies(ranges: [])

    init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// Parses `10.0.0.1, 172.16.0.0/12, ::1`; nil names the first entry that is not an address or range.
    public static func parse(_ text: String) -> Result<TrustedProxies, InvalidEntry> {
        var ranges: [Range] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(of: parts[0]) else { return .failure(InvalidEntry(entry: entry)) }
            let prefix: Int
            if parts.count == 2 {
                guard let number = Int(parts[1]), (0...(bytes.count * 8)).contains(number) else {
                    return .failure(InvalidEntry(entry: entry))
                }
                prefix = number
            } else {
                prefix = bytes.count * 8
            }
            ranges.append(Range(bytes: bytes, prefix: prefix))
        }
        return .success(TrustedProxies(ranges: ranges))
    }

    public struct InvalidEntry: Error, Sendable {
        public let entry: String
    }

    public func trusts(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client: the peer, or — when the peer is a trusted proxy — the last address in `X-Forwarded-For`
    /// that is not itself a trusted proxy.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, trusts(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for address in chain.reversed() {
            guard Self.bytes(of: address) != nil else { return peer }
            if !trusts(address) { return address }
        }
        return peer
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6), or nil when it is not an address.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}

extension Request {
    /// The client's address: the peer's, or the forwarded one when the peer is a trusted proxy.
    public var clientAddress: String {
        let proxies = application.shabakaConfig.trustedProxies
        return proxies.client(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor]) ?? "local"
    }
}
