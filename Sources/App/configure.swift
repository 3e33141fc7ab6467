import Agreements
import Capacity
import Insights
import Participation
import Projects
import Directory
import Fluent
import Leaf
import Platform
import Vapor

/// What a start of the app should do besides wiring: the CLI's `serve` migrates and loads the demo data,
/// tests choose for themselves.
public struct StartOptions: Sendable {
    public var migrate: Bool
    public var loadDemoData: Bool
    public var startWorkers: Bool
    /// The command reads the catalogs (pages, mail); `pb` and `routes` run without `Resources/`.
    public var needsResources: Bool

    public init(migrate: Bool, loadDemoData: Bool, startWorkers: Bool, needsResources: Bool = true) {
        self.migrate = migrate
        self.loadDemoData = loadDemoData
        self.startWorkers = startWorkers
        self.needsResources = needsResources
    }

    /// From the command line: database commands migrate; `serve` (the default) also loads demo data and starts workers.
    public static func forCommand(_ arguments: [String], config: ShabakaConfig) -> StartOptions {
        let command = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) ?? "serve"
        let needsDatabase = !["pb", "routes", "migrate", "--help", "-h"].contains(command)
        let serving = command == "serve"
        return StartOptions(migrate: needsDatabase, loadDemoData: serving && config.loadDemoData, startWorkers: serving,
                            needsResources: !["pb", "routes", "--help", "-h"].contains(command))
    }
}

/// Wires the whole app: database, rooms in dependency order, routes; then migrates and seeds as asked.
public func configure(_ app: Application, config: ShabakaConfig, options: StartOptions) async throws {
    app.shabakaConfig = config
    try configureDatabase(app, config, announce: options.migrate)
    try PlatformRoom.configure(app, requireResources: options.needsResources)
    DirectoryRoom.configure(app)
    AgreementsRoom.configure(app)
    ProjectsRoom.configure(app)
    ParticipationRoom.configure(app)
    CapacityRoom.configure(app)
    InsightsRoom.configure(app)
    app.asyncCommands.use(PBCommands(), as: "pb")
    try routes(app)
    if options.migrate {
        try await app.autoMigrate()
        try await prepareDatabase(app, config.database)
    }
    if options.loadDemoData {
        try await DemoData.loadIfFirstStart(app)
    }
    if options.startWorkers {
        app.lifecycle.use(OutboxWorker.worker)
        app.lifecycle.use(DirectoryIndexWarmer())
        app.lifecycle.use(EscalationWorker.worker)
        app.lifecycle.use(ParticipationWorker.worker)
        app.lifecycle.use(CapacityWorker.worker)
        app.lifecycle.use(Purge.worker)
    }
}

/// Loads the demo data if the database has none yet (what `serve` does on first start).
public func loadDemoData(_ app: Application) async throws {
    try await DemoData.loadIfFirstStart(app)
}
