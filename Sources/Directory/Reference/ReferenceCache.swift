import Fluent
import NIOConcurrencyHelpers
import Platform
import Vapor

/// Wilayas and domains change rarely and are read by almost every directory page, filter and import:
/// kept in memory and re-read at most once a minute (so an operator's edit shows up without a restart).
public struct ReferenceData: Sendable {
    public struct WilayaInfo: Sendable {
        public let code: String
        public let nameArabic: String
        public let nameFrench: String
        public func name(in language: SiteLanguage) -> String { language == .ar ? nameArabic : nameFrench }
    }

    public struct DomainInfo: Sendable {
        public let code: String
        public let group: String
        public let name: Translated
    }

    public let wilayas: [WilayaInfo]
    public let domains: [DomainInfo]
    public let wilayaCodes: Set<String>
    public let domainCodes: Set<String>

    init(wilayas: [WilayaInfo], domains: [DomainInfo]) {
        self.wilayas = wilayas
        self.domains = domains
        wilayaCodes = Set(wilayas.map(\.code))
        domainCodes = Set(domains.map(\.code))
    }

    public func wilaya(_ code: String?) -> WilayaInfo? {
        guard let code else { return nil }
        return wilayas.first { $0.code == code }
    }

    static func load(on db: any Database) async throws -> ReferenceData {
        let wilayas = try await Wilaya.query(on: db).sort(\.$id).all().map {
            WilayaInfo(code: $0.id ?? "", nameArabic: $0.nameArabic, nameFrench: $0.nameFrench)
        }
        let domains = try await Domain.query(on: db).sort(\.$position).all().map {
            DomainInfo(code: $0.id ?? "", group: $0.group, name: $0.name)
        }
        return ReferenceData(wilayas: wilayas, domains: domains)
    }
}

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
