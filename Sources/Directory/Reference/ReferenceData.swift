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
