import Vapor

/// Every registered page address, by link name.
public struct SiteLinks: Sendable {
    public private(set) var relativePaths: [String: String] = [:]

    public init() {}

    public mutating func register(_ routes: [any SiteRoute]) {
        for route in routes {
            precondition(relativePaths[route.linkName] == nil, "link name \(route.linkName) registered twice")
            relativePaths[route.linkName] = route.relativePath
        }
    }

    public func paths(in language: SiteLanguage) -> [String: String] {
        relativePaths.mapValues { $0.isEmpty ? "/\(language.rawValue)/" : "/\(language.rawValue)/\($0)" }
    }
}
