import Fluent
import Platform
import Vapor

/// Lists of events: upcoming (soonest first) or past (latest first), by kind, wilaya, domain or organiser. Every
/// event is public to read; its audience only limits who registers.
public enum EventQuery {
    public enum When: String, CaseIterable, Sendable { case upcoming, past }

    public struct Filter: Sendable {
        public var when: When = .upcoming
        public var kind: EventKind?
        public var wilayaCode: String?
        public var domainCode: String?
        public var organizerID: UUID?
        /// Only events open to anyone (the calendar feed).
        public var publicOnly = false

        public init() {}

        /// The list's address: `when`, `kind`, `wilaya`, `domain`, `organizer`; a value that names nothing is refused.
        init(_ req: Request) throws {
            var errors: [FieldError] = []
            func read(_ name: String) -> String? { req.query[String.self, at: name].flatMap(Validate.trimmed) }
            if let raw = read("when") { when = When(rawValue: raw) ?? { errors.append(FieldError("when", "validation.invalid_choice")); return .upcoming }() }
            if let raw = read("kind") {
                kind = EventKind(rawValue: raw)
                if kind == nil { errors.append(FieldError("kind", "validation.invalid_choice")) }
            }
            wilayaCode = read("wilaya")
            if let code = wilayaCode, code.count != 2 || !code.allSatisfy(\.isNumber) {
                errors.append(FieldError("wilaya", "validation.invalid_choice"))
            }
            domainCode = read("domain")
            if let raw = read("organizer") {
                organizerID = UUID(uuidString: raw)
                if organizerID == nil { errors.append(FieldError("organizer", "validation.invalid_choice")) }
            }
            guard errors.isEmpty else { throw ValidationFailure(errors) }
        }

        var query: [String: String] {
            ["when": when.rawValue, "kind": kind?.rawValue ?? "", "wilaya": wilayaCode ?? "", "domain": domainCode ?? "",
             "organizer": organizerID?.uuidString ?? ""]
        }
    }

    public static func list(_ filter: Filter, page: PageQuery, now: Date, on db: any Database) async throws
        -> ([CapacityEvent], Int)
    {
        func query() -> QueryBuilder<CapacityEvent> {
            var query = CapacityEvent.query(on: db)
            query = filter.when == .upcoming ? query.filter(\.$endsAt >= now) : query.filter(\.$endsAt < now)
            if let kind = filter.kind { query = query.filter(\.$kind == kind) }
            if let wilaya = filter.wilayaCode { query = query.filter(\.$wilayaCode == wilaya) }
            if let domain = filter.domainCode {
                // Codes are stored comma-separated: matched whole.
                query = query.group(.or) { group in
                    group.filter(\.$domainCodes == domain)
                    group.filter(\.$domainCodes, .custom("LIKE"), domain + ",%")
                    group.filter(\.$domainCodes, .custom("LIKE"), "%," + domain)
                    group.filter(\.$domainCodes, .custom("LIKE"), "%," + domain + ",%")
                }
            }
            if let organizer = filter.organizerID { query = query.filter(\.$organizerID == organizer) }
            if filter.publicOnly { query = query.filter(\.$audience == .public) }
            return query
        }
        let total = try await query().count()
        let sorted = filter.when == .upcoming ? query().sort(\.$startsAt) : query().sort(\.$startsAt, .descending)
        return (try await sorted.range(page.offset..<page.offset + page.size).all(), total)
    }

    /// The registrations of an event, in order of arrival (the waiting list's order).
    public static func registrations(_ eventID: UUID, on db: any Database) async throws -> [EventRegistration] {
        try await EventRegistration.query(on: db).filter(\.$eventID == eventID).filter(\.$status != .cancelled)
            .sort(\.$sequence).all()
    }

    /// The registrations a person may see: their own and those they made.
    public static func mine(_ eventID: UUID, user: CurrentUser, on db: any Database) async throws -> [EventRegistration] {
        try await EventRegistration.query(on: db).filter(\.$eventID == eventID).filter(\.$status != .cancelled)
            .group(.or) { $0.filter(\.$userID == user.id).filter(\.$registeredBy == user.id) }
            .sort(\.$sequence).all()
    }
}
