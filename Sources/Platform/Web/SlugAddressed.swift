import Fluent
import Vapor

/// A record reached at an address by its id or by its slug (`/projects/{id or slug}`).
public protocol SlugAddressed: Model where IDValue == UUID {
    static var slugField: KeyPath<Self, FieldProperty<Self, String>> { get }
}

extension SlugAddressed {
    /// The record whose id or slug is `key`, or nil.
    public static func find(idOrSlug key: String, on db: any Database) async throws -> Self? {
        if let id = UUID(uuidString: key), let found = try await find(id, on: db) { return found }
        return try await query(on: db).filter(slugField == key).first()
    }
}

extension Request {
    /// The record named by the route parameter `parameter` (an id or a slug); throws `missing` when none is.
    public func find<M: SlugAddressed>(_ type: M.Type, _ parameter: String, orElse missing: any Error) async throws -> M {
        guard let key = parameters.get(parameter), let found = try await M.find(idOrSlug: key, on: db) else {
            throw missing
        }
        return found
    }
}
