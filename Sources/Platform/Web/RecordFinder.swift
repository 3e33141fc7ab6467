import Fluent
import Vapor

extension Request {
    /// The record whose id is the route parameter `id`; throws `missing` when there is none.
    public func find<M: Model>(_ type: M.Type, id parameter: String, orElse missing: any Error) async throws -> M
        where M.IDValue == UUID
    {
        guard let id = parameters.get(parameter, as: UUID.self), let found = try await M.find(id, on: db) else {
            throw missing
        }
        return found
    }
}
