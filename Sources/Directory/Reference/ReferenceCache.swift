import Fluent
import NIOConcurrencyHelpers
import Platform
import Vapor

final class ReferenceCache: Sendable {
    static let lifetime: TimeInterval = 60
    private let box = NIOLockedValueBox<(data: ReferenceData, loadedAt: Date)?>(nil)

    func get(on db: any Database) async throws -> ReferenceData {
        if let cached = box.withLockedValue({ $0 }), Date().timeIntervalSince(cached.loadedAt) < Self.lifetime {
            return cached.data
        }
        let fresh = try await ReferenceData.load(on: db)
        box.withLockedValue { $0 = (fresh, Date()) }
        return fresh
    }
}

extension Application {
    private struct ReferenceCacheKey: StorageKey { typealias Value = ReferenceCache }

    var referenceCache: ReferenceCache {
        if let cache = storage[ReferenceCacheKey.self] { return cache }
        let cache = ReferenceCache()
        storage[ReferenceCacheKey.self] = cache
        return cache
    }
}

extension Request {
    /// Wilayas and domains, from memory.
    public func referenceData() async throws -> ReferenceData {
        try await application.referenceCache.get(on: db)
    }
}
