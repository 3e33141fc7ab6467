import Fluent
import Leaf
import NIOConcurrencyHelpers
import Vapor

/// Sets up the Platform room: middleware order, sessions, templates, passwords, commands, routes.
public enum PlatformRoom {
    static let sessionCookie = "shabaka_session"

    /// Call after the database is configured and before any other room. Without `requireResources` (commands
    /// such as `pb tally`), a missing catalog is no error: such commands print no translated text.
    public static func configure(_ app: Application, requireResources: Bool = true) throws {
        // Writing to a mail program that already exited must be an error (EPIPE), not the end of the process.
        signal(SIGPIPE, SIG_IGN)
        let config = app.shabakaConfig
        do {
            app.catalog = try Catalog.load(from: app.directory.resourcesDirectory + "Locales")
        } catch where !requireResources {
            app.catalog = Catalog(entries: [:])
        }
        JSONKeys.install()
        app.views.use(.leaf)
        app.registerLeafTags()
        app.passwords.use(.bcrypt(cost: config.bcryptCost))
        app.dummyHash = NIOLockedValueBox(nil)
        app.routes.defaultMaxBodySize = ByteCount(integerLiteral: config.maxBodyBytes)
        app.migrations.add(PlatformMigrations.all)
        app.siteLinks.register(SiteURL.allCases)
        _ = app.readiness

        app.sessions.use { _ in SessionStore() }
        let secure = config.secureCookies
        let lifetime = Int(config.sessionLimits.lifetime)
        app.sessions.configuration = SessionsConfiguration(cookieName: Self.sessionCookie) { id in
            HTTPCookies.Value(string: id.string, expires: nil, maxAge: lifetime, domain: nil, path: "/",
                              isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }

        // Outermost first: headers and metrics see every response, errors included.
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(MetricsMiddleware())
        app.middleware.use(ErrorRenderingMiddleware())
        app.storage[Application.APIRateCounterKey.self] = APIRateCounter()
        app.middleware.use(APIRateLimit())
        app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory, defaultFile: nil))
        app.middleware.use(SessionGate(cookieName: Self.sessionCookie))
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(SessionsReadyMarker())
        app.middleware.use(BodyLimitMiddleware())
        app.middleware.use(UserAuthenticator())
        app.middleware.use(CSRFMiddleware())
        app.middleware.use(SubmissionGuard())

        app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        app.asyncCommands.use(AuditCommands(), as: "audit")
        app.asyncCommands.use(OutboxCommands(), as: "outbox")
        app.asyncCommands.use(PurgeCommand(), as: "purge")
    }

    /// Registers the Platform's pages (under `/:lang`) and API routes.
    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: HealthController())
        try app.register(collection: AuthAPIController())
        try pages.register(collection: AuthWebController())
        try pages.register(collection: PasswordResetController())
        try pages.register(collection: AccountController())
        try pages.register(collection: AdminController())
        try pages.register(collection: AdminHomeController())
        try pages.register(collection: NotificationsController())
        try pages.register(collection: AttachmentsController())
        try pages.register(collection: InfoPagesController())
        try app.register(collection: AttachmentsController.API())
        let docs = APIDocsController(resourcesDirectory: app.directory.resourcesDirectory)
        try app.register(collection: docs)
        try pages.register(collection: docs.page)
    }

    /// The group every page hangs from: `/:lang/…`, language checked.
    public static func pages(_ app: Application) -> any RoutesBuilder {
        app.grouped(LanguageMiddleware())
    }
}
