import Agreements
import Directory
import Fluent
import Capacity
import Participation
import Platform
import Projects
import Vapor

/// The founding document's world, loaded on first start (`SHABAKA_DEMO=0` disables it). Each room adds
/// its part, in dependency order.
enum DemoData {
    static func loadIfFirstStart(_ app: Application) async throws {
        guard try await Organization.query(on: app.db).count() == 0 else { return }
        let now = app.clock.now()
        try await DirectoryDemo.load(on: app.db, now: now)
        try await AgreementsDemo.load(on: app.db, now: now)
        try await ProjectsDemo.load(on: app.db, now: now)
        try await ParticipationDemo.load(on: app.db, now: now)
        try await CapacityDemo.load(on: app.db, now: now)
        app.logger.notice("demo data loaded")
    }
}
