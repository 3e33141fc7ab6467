import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = ShabakaConfig }
    /// The configuration the app was started with.
    public var shabakaConfig: ShabakaConfig {
        get {
            guard let config = storage[ConfigKey.self] else {
                fatalError("ShabakaConfig not set: call App.configure first")
            }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
