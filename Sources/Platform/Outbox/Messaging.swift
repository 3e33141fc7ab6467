import Vapor

/// What a service needs to write to people: the catalogs (each person in their language) and the site's
/// address for links in e-mails. Services take it instead of a `Request`, so commands and tests call them too.
public struct Messaging: Sendable {
    public let catalog: Catalog
    public let baseURL: String

    public init(catalog: Catalog, baseURL: String) {
        self.catalog = catalog
        self.baseURL = baseURL
    }
}

extension Application {
    public var messaging: Messaging { Messaging(catalog: catalog, baseURL: shabakaConfig.baseURL) }
}

extension Request {
    public var messaging: Messaging { application.messaging }
}
