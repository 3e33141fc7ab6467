extension Optional {
    /// `flatMap` with an asynchronous transform (`user.id.asyncMap { try await User.find($0, on: db) }`).
    public func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
