import Fluent
import Platform
import Vapor

/// The Projects room's pages with fixed addresses.
public enum ProjectsSiteURL: String, CaseIterable, SiteRoute {
    case projects = "projects"
    case newProject = "projects/new"
    case difficulties = "difficulties"
    case evaluations = "evaluations"
    case expertise = "expertise"
    case csr = "csr"
    case cooperation = "cooperation"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}

/// Sets up the Projects room: SSE projects, follow-up reports feeding the strategy, difficulties, evaluations,
/// expertise requests, CSR pledges and international cooperation.
public enum ProjectsRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(ProjectsMigrations.all)
        app.siteLinks.register(ProjectsSiteURL.allCases)
        app.asyncCommands.use(ProjectsCommands(), as: "projects")
        personalData.forEach(app.personalData.register)
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: ProjectsAPIController())
        try app.register(collection: DifficultiesAPIController())
        try app.register(collection: ExpertiseAPIController())
        try app.register(collection: CSRAPIController())
        try app.register(collection: CooperationAPIController())
        try pages.register(collection: ProjectsWebController())
        try pages.register(collection: DifficultiesWebController())
        try pages.register(collection: ExpertiseWebController())
        try pages.register(collection: CSRWebController())
        try pages.register(collection: CooperationWebController())
    }
}

/// `shabaka projects escalate`: escalates every difficulty whose decision deadline has passed (cron-friendly;
/// `serve` also does it every ten minutes; pages only show such a difficulty as overdue).
struct ProjectsCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "escalate")
        var action: String
    }

    var help: String { "Projects room tasks: `escalate` overdue difficulties to the observatory." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "escalate" else { throw CommandUsageError("unknown action \(signature.action); use: escalate") }
        let app = context.application
        let count = try await DifficultyService.escalateOverdue(
            on: app.db, now: app.clock.now(),
            messaging: app.messaging)
        context.console.print("escalated \(count) overdue difficult\(count == 1 ? "y" : "ies")")
    }
}

/// Escalates overdue difficulties every ten minutes while the server runs (the only writer besides the command).
public enum EscalationWorker {
    public static let worker = PeriodicWorker("difficulty escalation", every: .seconds(600)) { app in
        _ = try await DifficultyService.escalateOverdue(
            on: app.db, now: app.clock.now(), messaging: app.messaging)
    }
}
