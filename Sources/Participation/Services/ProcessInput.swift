import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// A process as its form and `POST /api/v1/processes` give it.
public struct ProcessInput: Content, Sendable {
    public struct Phase: Content, Sendable {
        public var kind: String?
        public var startsOn: String?
        public var endsOn: String?
        /// What it opens; nil: the kind's usual openings.
        public var opens: [String]?

        public init(kind: String? = nil, startsOn: String? = nil, endsOn: String? = nil, opens: [String]? = nil) {
            self.kind = kind
            self.startsOn = startsOn
            self.endsOn = endsOn
            self.opens = opens
        }
    }

    public var slug: String?
    public var title: Translated?
    public var description: Translated?
    public var organizerID: UUID?
    /// Empty or absent: national.
    public var scopeWilayas: [String]?
    public var endorsementThreshold: Int?
    public var endorsementsPerPerson: Int?
    public var proposalsPerPerson: Int?
    public var countsVisible: Bool?
    public var stances: Bool?
    public var premoderation: Bool?
    public var phases: [Phase]?

    public init() {}
}

public enum ProcessService {
    /// Every problem of a process at once; the phases come back in their order.
    static func validate(_ input: ProcessInput, existing: ParticipatoryProcess?, on db: any Database) async throws
        -> (ParticipatoryProcess, [ProcessPhase], [FieldError])
    {
        var errors: [FieldError] = []
        let process = existing ?? ParticipatoryProcess()
        process.title = Validate.translated(input.title, field: "title", max: 200, into: &errors)
        process.details = Validate.translated(input.description, field: "description", max: 4000, into: &errors)
        if let organizerID = input.organizerID {
            if try await Organization.find(organizerID, on: db) == nil {
                errors.append(FieldError("organizer_id", "validation.invalid_choice"))
            }
            process.organizerID = organizerID
        } else { errors.append(FieldError("organizer_id", "validation.required")) }
        var scope: [String] = []
        for code in input.scopeWilayas ?? [] where !code.isEmpty {
            if try await Wilaya.find(code, on: db) == nil { errors.append(FieldError("scope_wilayas", "validation.invalid_choice")) }
            else if !scope.contains(code) { scope.append(code) }
        }
        process.scopeWilayas = scope.sorted().joined(separator: ",")
        process.endorsementThreshold = Validate.number(input.endorsementThreshold, field: "endorsement_threshold",
                                                       range: 1...1_000_000, into: &errors)
        if let limit = input.endorsementsPerPerson, !(1...10_000).contains(limit) {
            errors.append(FieldError("endorsements_per_person", "validation.range", "1", "10000"))
        }
        process.endorsementsPerPerson = input.endorsementsPerPerson
        if let limit = input.proposalsPerPerson, !(1...1_000).contains(limit) {
            errors.append(FieldError("proposals_per_person", "validation.range", "1", "1000"))
        }
        process.proposalsPerPerson = input.proposalsPerPerson
        process.countsVisible = input.countsVisible ?? true
        process.stances = input.stances ?? true
        process.premoderation = input.premoderation ?? false
        if existing == nil {
            let slug = (input.slug ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            if !slug.isEmpty {
                if !Slug.isValid(slug) { errors.append(FieldError("slug", "validation.slug")) }
                else if try await ParticipatoryProcess.query(on: db).filter(\.$slug == slug).count() > 0 {
                    errors.append(FieldError("slug", "validation.slug_taken"))
                }
            }
            process.slug = slug.isEmpty ? "process-" + UUID().uuidString.prefix(8).lowercased() : slug
        }
        var phases: [ProcessPhase] = []
        let given = input.phases ?? []
        if given.isEmpty { errors.append(FieldError("phases", "validation.required")) }
        if given.count > 10 { errors.append(FieldError("phases", "validation.too_many", "10")) }
        var previousEnd: String?
        for (index, raw) in given.prefix(10).enumerated() {
            let field = "phases.\(index)."
            let phase = ProcessPhase()
            phase.position = index + 1
            let kind = Validate.choice(raw.kind, field: field + "kind", as: PhaseKind.self, into: &errors)
            phase.kind = kind ?? .information
            phase.startsOn = Validate.date(raw.startsOn, field: field + "starts_on", into: &errors)
            phase.endsOn = Validate.date(raw.endsOn, field: field + "ends_on", into: &errors)
            if ISODate.parse(phase.startsOn) != nil, ISODate.parse(phase.endsOn) != nil {
                if phase.endsOn < phase.startsOn { errors.append(FieldError(field + "ends_on", "validation.end_before_start")) }
                if let previousEnd, phase.startsOn <= previousEnd {
                    errors.append(FieldError(field + "starts_on", "validation.phase_overlap"))
                }
                previousEnd = phase.endsOn
            }
            var openings = kind?.defaultOpenings ?? []
            if let opens = raw.opens {
                openings = []
                for value in opens {
                    if let opening = PhaseOpening(rawValue: value) { openings.insert(opening) }
                    else { errors.append(FieldError(field + "opens", "validation.invalid_choice")) }
                }
            }
            phase.opens = openings.sorted().map(\.rawValue).joined(separator: ",")
            phases.append(phase)
        }
        return (process, phases, errors)
    }

    public static func create(_ input: ProcessInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> ParticipatoryProcess
    {
        let (process, phases, errors) = try await validate(input, existing: nil, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: db)
        process.createdBy = user.id
        process.createdAt = now
        let today = ISODate.string(now)
        try await db.transaction { tx in
            try await process.create(on: tx)
            for phase in phases {
                phase.$process.id = try process.requireID()
                // Nobody follows a new process yet: a phase already begun has nothing to announce.
                if phase.startsOn <= today { phase.announcedAt = now }
                try await phase.create(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "process.created", subjectType: "process",
                                      subjectID: try process.requireID().uuidString, details: ["slug": process.slug], at: now)
        }
        return process
    }

    /// Changes the settings and replaces the phases; followers hear of a change of the current phase.
    public static func update(_ process: ParticipatoryProcess, _ input: ProcessInput, by user: CurrentUser,
                              on db: any Database, now: Date, messaging: Messaging) async throws
    {
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: db)
        let before = try await phases(of: process, on: db)
        let (_, phases, errors) = try await validate(input, existing: process, on: db)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await ParticipationPolicy.requireOrganizer(user, of: process, on: db)
        let id = try process.requireID()
        let today = ISODate.string(now)
        // A phase already told keeps its announcement when the same kind is still in progress; a new current phase
        // is announced at once below, later ones when they begin (``announcePhases(on:now:messaging:)``).
        let told = Set(before.filter { $0.announcedAt != nil && $0.isCurrent(on: today) }.map(\.kind))
        for phase in phases {
            if phase.endsOn < today || (phase.isCurrent(on: today) && told.contains(phase.kind)) { phase.announcedAt = now }
        }
        try await db.transaction { tx in
            try await process.save(on: tx)
            try await ProcessPhase.query(on: tx).filter(\.$process.$id == id).delete()
            for phase in phases {
                phase.$process.id = id
                try await phase.create(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "process.updated", subjectType: "process",
                                      subjectID: id.uuidString, at: now)
        }
        try await announcePhases(on: db, now: now, messaging: messaging)
    }

    /// Tells each process's followers of the phase that began, once: run by the server's worker every few minutes,
    /// by `shabaka participation tick`, and after an organiser changes the phases.
    @discardableResult
    public static func announcePhases(on db: any Database, now: Date, messaging: Messaging) async throws -> Int {
        let today = ISODate.string(now)
        let due = try await ProcessPhase.query(on: db).filter(\.$announcedAt == nil).filter(\.$startsOn <= today)
            .filter(\.$endsOn >= today).with(\.$process).all()
        var told = 0
        for phase in due {
            let id = try phase.requireID()
            let process = phase.process
            let claimed: Bool = try await db.transaction { tx in
                // Claims the phase: two workers announce it once.
                guard let sql = tx as? any SQLDatabase, try await sql.raw("""
                    UPDATE process_phases SET announced_at = \(bind: now) WHERE id = \(bind: id) AND announced_at IS NULL
                    RETURNING id
                    """).first() != nil
                else { return false }
                try await FollowService.tell(followersOf: .process, try process.requireID(), key: "notification.phase_changed",
                                             arguments: [], localized: [process.title, PhaseText.name(phase.kind, messaging.catalog)],
                                             link: "processes/\(process.slug)", except: nil, on: tx, messaging: messaging,
                                             now: now)
                return true
            }
            if claimed { told += 1 }
        }
        return told
    }

    public static func phases(of process: ParticipatoryProcess, on db: any Database) async throws -> [ProcessPhase] {
        try await ProcessPhase.query(on: db).filter(\.$process.$id == (try process.requireID())).sort(\.$position).all()
    }

    /// The phase in progress on `now`'s day, if any.
    public static func currentPhase(of process: ParticipatoryProcess, on db: any Database, now: Date) async throws
        -> ProcessPhase?
    {
        let today = ISODate.string(now)
        return try await phases(of: process, on: db).first { $0.isCurrent(on: today) }
    }

    /// Throws "not open" unless the phase in progress opens `opening`.
    static func requireOpen(_ opening: PhaseOpening, in process: ParticipatoryProcess, on db: any Database, now: Date)
        async throws
    {
        guard try await currentPhase(of: process, on: db, now: now)?.openings.contains(opening) == true else {
            throw ParticipationError.notOpen(opening: opening.rawValue)
        }
    }

    /// A wilaya outside a regional process's scope is refused.
    static func requireInScope(_ wilaya: String?, of process: ParticipatoryProcess) throws {
        guard let wilaya, !process.isNational else { return }
        guard process.wilayaScope.contains(wilaya) else { throw ParticipationError.outOfScope }
    }
}

/// A phase's name in every language, for notifications (each recipient reads their own).
enum PhaseText {
    static func name(_ kind: PhaseKind, _ catalog: Catalog) -> Translated {
        let key = "participation.phase." + kind.rawValue
        return Translated(ar: catalog.text(key, in: .ar), fr: catalog.text(key, in: .fr), en: catalog.text(key, in: .en))
    }
}
