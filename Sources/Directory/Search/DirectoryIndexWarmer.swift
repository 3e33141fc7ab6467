import Fluent
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// Builds the directory index when the server boots, so the first visitor does not wait for it.
public struct DirectoryIndexWarmer: LifecycleHandler {
    public init() {}

    public func didBootAsync(_ application: Application) async throws {
        let store = application.directoryIndex, db = application.db, logger = application.logger
        let now = application.clock.now()
        Task {
            let started = Date()
            do {
                let index = try await store.rebuild(on: db, now: now)
                logger.info("directory index: \(index.count) organisations in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            } catch {
                logger.warning("directory index not built at boot (it will be on first use): \(error)")
            }
        }
    }
}
