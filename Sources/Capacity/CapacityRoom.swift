import Fluent
import Platform
import Vapor

/// Sets up the Capacity room: trainings and events with their registrations, waiting lists, attendance and
/// certificates; the calendar feed; the resource library.
public enum CapacityRoom {
    public static func configure(_ app: Application) {
        app.migrations.add(CapacityMigrations.all)
        app.siteLinks.register(CapacitySiteURL.allCases)
        app.attachmentOwners.register(Library.attachmentOwner)
        app.asyncCommands.use(CapacityCommands(), as: "capacity")
    }

    public static func routes(_ app: Application, pages: any RoutesBuilder) throws {
        try app.register(collection: EventsAPIController())
        try pages.register(collection: EventsWebController())
        try pages.register(collection: EventStepsController())
        try app.register(collection: CertificatesController.API())
        try pages.register(collection: CertificatesController())
        try app.register(collection: ResourcesController.API())
        try pages.register(collection: ResourcesController())
        try app.register(collection: NeedsController.API())
        try pages.register(collection: NeedsController())
        try app.register(collection: AssessmentsController.API())
        try pages.register(collection: AssessmentsController())
    }
}

/// The Capacity room's pages with fixed addresses (an event's own pages hang below `events/{id}`, a certificate's
/// at `certificates/{code}`).
public enum CapacitySiteURL: String, CaseIterable, SiteRoute {
    case events = "events"
    case newEvent = "events/new"
    case calendar = "events.ics"
    case certificates = "certificates"
    case resources = "resources"
    case newResource = "resources/new"
    case trainingNeeds = "training-needs"
    case assessments = "assessments"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
