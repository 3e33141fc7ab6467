import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// A need as `POST /api/v1/training-needs` and the association's form give it.
public struct NeedInput: Content, Sendable {
    public var organizationID: UUID?
    public var domainCode: String?
    /// One of the self-assessment's dimensions, when the need comes from it.
    public var dimension: String?
    public var description: String?
    public var people: Int?

    public init() {}
}

/// Training needs: declared by an association's representatives for the current year; read by the organisers
/// (every need, and the demand by domain and wilaya) and by the association (its own); linked to the events that
/// answer them.
public enum Needs {
    /// One line of the demand: a domain in a wilaya, this year.
    public struct Demand: Content, Sendable {
        public let domainCode: String
        public let wilayaCode: String
        public let needs: Int
        public let associations: Int
        public let people: Int
        public let answered: Int
    }

    public static func year(of date: Date) -> Int { CivilCalendar.components(date, offset: 3600).year }

    public static func declare(_ input: NeedInput, by user: CurrentUser, _ context: ServiceContext) async throws
        -> TrainingNeed
    {
        var errors: [FieldError] = []
        let need = TrainingNeed()
        var organization: Organization?
        if let id = input.organizationID {
            organization = try await Organization.find(id, on: context.db)
            if organization == nil { errors.append(FieldError("organization_id", "validation.invalid_choice")) }
        } else {
            errors.append(FieldError("organization_id", "validation.required"))
        }
        need.domainCode = Validate.trimmed(input.domainCode) ?? ""
        if need.domainCode.isEmpty { errors.append(FieldError("domain_code", "validation.required")) }
        else if try await Domain.find(need.domainCode, on: context.db) == nil {
            errors.append(FieldError("domain_code", "validation.invalid_choice"))
        }
        if let raw = Validate.trimmed(input.dimension) {
            need.dimension = Validate.choice(raw, field: "dimension", as: CapacityDimension.self, into: &errors)
        }
        need.details = Validate.text(input.description, field: "description", max: 1000, into: &errors)
        need.people = input.people ?? 1
        if !(1...1000).contains(need.people) { errors.append(FieldError("people", "validation.range", "1", "1000")) }
        guard errors.isEmpty, let organization else { throw ValidationFailure(errors) }
        try await OrganizationPolicy.requireActing(for: organization, user, on: context.db)
        try OrganizationPolicy.requireVerified(organization)
        (need.organizationID, need.wilayaCode) = (try organization.requireID(), organization.wilayaCode)
        (need.year, need.createdBy, need.createdAt) = (year(of: context.now), user.id, context.now)
        try await context.db.transaction { tx in
            try await need.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "training_need.declared",
                                      subjectType: "organization", subjectID: need.organizationID.uuidString,
                                      details: ["domain": need.domainCode], at: context.now)
        }
        return need
    }

    /// Withdraws a need (met otherwise, or declared by mistake), by a representative of its association or staff who
    /// organise events: it leaves the demand and the events that answered it.
    public static func withdraw(_ need: TrainingNeed, by user: CurrentUser, _ context: ServiceContext) async throws {
        if !user.may(.organizeEvents) {
            guard let organization = try await Organization.find(need.organizationID, on: context.db) else {
                throw CapacityError.needNotFound
            }
            try await OrganizationPolicy.requireActing(for: organization, user, on: context.db)
        }
        let id = try need.requireID()
        try await context.db.transaction { tx in
            try await EventNeed.query(on: tx).filter(\.$needID == id).delete()
            try await need.delete(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "training_need.withdrawn",
                                      subjectType: "organization", subjectID: need.organizationID.uuidString,
                                      details: ["need": id.uuidString, "domain": need.domainCode], at: context.now)
        }
    }

    /// The needs a person reads: every need for the staff who organise events, their associations' otherwise.
    public static func visible(to user: CurrentUser, year: Int?, on db: any Database) async throws -> [TrainingNeed] {
        var query = TrainingNeed.query(on: db)
        if let year { query = query.filter(\.$year == year) }
        if !user.may(.organizeEvents) {
            let own = try await Representation.organizations(of: user.id, on: db).compactMap(\.id)
            query = query.filter(\.$organizationID ~~ own)
        }
        return try await query.sort(\.$createdAt, .descending).limit(500).all()
    }

    /// The demand of a year by domain and wilaya (optionally one of each): needs, associations, people, and how
    /// many needs an event answers.
    public static func demand(year: Int, wilayaCode: String?, domainCode: String?, on db: any Database) async throws
        -> [Demand]
    {
        var query = TrainingNeed.query(on: db).filter(\.$year == year)
        if let wilayaCode { query = query.filter(\.$wilayaCode == wilayaCode) }
        if let domainCode { query = query.filter(\.$domainCode == domainCode) }
        let needs = try await query.all()
        let answered = Set(try await EventNeed.query(on: db).filter(\.$needID ~~ needs.compactMap(\.id)).all().map(\.needID))
        let groups = Dictionary(grouping: needs) { "\($0.domainCode)|\($0.wilayaCode ?? "")" }
        return groups.values.map { lines in
            Demand(domainCode: lines[0].domainCode, wilayaCode: lines[0].wilayaCode ?? "", needs: lines.count,
                   associations: Set(lines.map(\.organizationID)).count, people: lines.map(\.people).reduce(0, +),
                   answered: lines.filter { $0.id.map(answered.contains) ?? false }.count)
        }.sorted { ($0.people, $1.domainCode, $1.wilayaCode) > ($1.people, $0.domainCode, $0.wilayaCode) }
    }

    /// The needs an event may answer: in its domains, declared this year or last.
    public static func candidates(for event: CapacityEvent, on db: any Database) async throws -> [TrainingNeed] {
        let year = year(of: event.startsAt)
        return try await TrainingNeed.query(on: db).filter(\.$domainCode ~~ event.domains)
            .filter(\.$year >= year - 1).sort(\.$createdAt).limit(200).all()
    }

    /// Sets the needs an event answers (its organiser), among its candidates.
    public static func link(_ event: CapacityEvent, needIDs: [UUID], by user: CurrentUser, _ context: ServiceContext)
        async throws
    {
        guard try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: context.db) else {
            throw CapacityError.notTheOrganizer
        }
        let allowed = Set(try await candidates(for: event, on: context.db).compactMap(\.id))
        let chosen = needIDs.uniqued()
        guard Set(chosen).isSubset(of: allowed) else {
            throw ValidationFailure([FieldError("need_ids", "validation.invalid_choice")])
        }
        let eventID = try event.requireID()
        try await context.db.transaction { tx in
            try await EventNeed.query(on: tx).filter(\.$eventID == eventID).delete()
            try await chosen.map { EventNeed(eventID: eventID, needID: $0) }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.needs_linked", subjectType: "event",
                                      subjectID: eventID.uuidString, details: ["needs": "\(chosen.count)"],
                                      at: context.now)
        }
    }
}
