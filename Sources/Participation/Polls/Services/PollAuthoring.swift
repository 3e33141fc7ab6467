import Directory
import Fluent
import Platform
import Vapor

/// Putting a question to a vote: created by the organiser of its process (or of the debate's process) or of its
/// assembly; changed until it opens; its outcome written after the close.
public enum PollAuthoring {
    public static let maxOptions = 20

    /// Whether the person organises the poll's process, debate or assembly.
    public static func isOrganizer(_ user: CurrentUser?, processID: UUID?, debateID: UUID?, assemblyID: UUID?,
                                   on db: any Database) async throws -> Bool
    {
        guard let user else { return false }
        if let assemblyID {
            guard let assembly = try await Assembly.find(assemblyID, on: db) else { return false }
            return try await AssemblyService.isOrganizer(user, of: assembly, on: db)
        }
        if let debateID {
            guard let debate = try await Debate.find(debateID, on: db) else { return false }
            return try await SurveyPolicy.isOrganizer(user, processID: debate.processID, on: db)
        }
        return try await SurveyPolicy.isOrganizer(user, processID: processID, on: db)
    }

    public static func isOrganizer(_ user: CurrentUser?, of poll: Poll, on db: any Database) async throws -> Bool {
        try await isOrganizer(user, processID: poll.processID, debateID: poll.debateID, assemblyID: poll.assemblyID,
                              on: db)
    }

    /// Every problem of the input; the poll and its options' labels when there is none.
    static func validate(_ input: PollInput, into poll: Poll, on db: any Database) async throws -> [String] {
        var errors: [FieldError] = []
        poll.title = Validate.text(input.title, field: "title", max: 300, into: &errors)
        poll.details = Validate.text(input.description, field: "description", max: 4000, required: false, into: &errors)
        poll.language = Validate.trimmed(input.language) ?? SiteLanguage.default.rawValue
        if SiteLanguage(rawValue: poll.language) == nil { errors.append(FieldError("language", "validation.invalid_choice")) }
        poll.method = Validate.choice(Validate.trimmed(input.method) ?? PollMethod.plurality.rawValue, field: "method",
                                      as: PollMethod.self, into: &errors) ?? .plurality
        poll.resultsVisibility = Validate.choice(Validate.trimmed(input.resultsVisibility) ?? "at_close",
                                                 field: "results_visibility", as: PollResultsVisibility.self,
                                                 into: &errors) ?? .atClose
        poll.allowAbstain = input.allowAbstain ?? true
        let places = [input.processID, input.debateID, input.assemblyID].compactMap { $0 }
        if places.count != 1 { errors.append(FieldError("process_id", "poll.validation.one_place")) }
        poll.processID = input.processID
        poll.debateID = input.debateID
        poll.assemblyID = input.assemblyID
        var assembly: Assembly?
        if let id = input.processID, try await ParticipatoryProcess.find(id, on: db) == nil {
            errors.append(FieldError("process_id", "validation.invalid_choice"))
        }
        if let id = input.debateID, try await Debate.find(id, on: db) == nil {
            errors.append(FieldError("debate_id", "validation.invalid_choice"))
        }
        if let id = input.assemblyID {
            assembly = try await Assembly.find(id, on: db)
            if assembly == nil { errors.append(FieldError("assembly_id", "validation.invalid_choice")) }
        }
        // An assembly's motion is voted on during the assembly unless given its own window.
        let opensAt = input.opensAt == nil && assembly != nil ? assembly?.opensAt
            : LocalTime.required(input.opensAt, field: "opens_at", into: &errors)
        let closesAt = input.closesAt == nil && assembly != nil ? assembly?.closesAt
            : LocalTime.required(input.closesAt, field: "closes_at", into: &errors)
        if let opensAt, let closesAt, closesAt <= opensAt {
            errors.append(FieldError("closes_at", "validation.end_before_start"))
        }
        poll.opensAt = opensAt ?? Date(timeIntervalSince1970: 0)
        poll.closesAt = closesAt ?? Date(timeIntervalSince1970: 0)
        let labels = (input.options ?? []).compactMap(Validate.trimmed)
        if labels.count < 2 { errors.append(FieldError("options", "poll.validation.two_options")) }
        if labels.count > maxOptions { errors.append(FieldError("options", "validation.too_many", "\(maxOptions)")) }
        if Set(labels).count != labels.count { errors.append(FieldError("options", "poll.validation.repeated_option")) }
        if labels.contains(where: { $0.count > 300 }) { errors.append(FieldError("options", "validation.too_long", "300")) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return labels
    }

    /// Creates the poll with its options in one transaction.
    public static func create(_ input: PollInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> Poll
    {
        let poll = Poll()
        let labels = try await validate(input, into: poll, on: db)
        guard try await isOrganizer(user, of: poll, on: db) else { throw PollError.notTheOrganizer }
        if poll.closesAt <= now { throw ValidationFailure([FieldError("closes_at", "poll.validation.closes_in_past")]) }
        poll.createdBy = user.id
        poll.createdAt = now
        try await db.transaction { tx in
            try await poll.create(on: tx)
            let id = try poll.requireID()
            try await labels.enumerated().map { PollOption(pollID: id, position: $0.offset + 1, label: $0.element) }
                .create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "poll.created", subjectType: "poll",
                                      subjectID: id.uuidString, details: ["options": "\(labels.count)"], at: now)
        }
        return poll
    }

    /// Changes the question, its options or its window until voting opens (its place stays).
    public static func update(_ poll: Poll, _ input: PollInput, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        guard try await isOrganizer(user, of: poll, on: db) else { throw PollError.notTheOrganizer }
        guard now < poll.opensAt else { throw PollError.started }
        var given = input
        (given.processID, given.debateID, given.assemblyID) = (poll.processID, poll.debateID, poll.assemblyID)
        let labels = try await validate(given, into: poll, on: db)
        if poll.closesAt <= now { throw ValidationFailure([FieldError("closes_at", "poll.validation.closes_in_past")]) }
        let id = try poll.requireID()
        try await db.transaction { tx in
            try await poll.update(on: tx)
            try await PollOption.query(on: tx).filter(\.$pollID == id).delete()
            try await labels.enumerated().map { PollOption(pollID: id, position: $0.offset + 1, label: $0.element) }
                .create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "poll.updated", subjectType: "poll",
                                      subjectID: id.uuidString, details: ["options": "\(labels.count)"], at: now)
        }
    }

    /// Writes (or rewrites) what was decided, after the close.
    public static func writeOutcome(_ poll: Poll, _ input: PollOutcomeInput, by user: CurrentUser, on db: any Database,
                                    now: Date) async throws
    {
        guard try await isOrganizer(user, of: poll, on: db) else { throw PollError.notTheOrganizer }
        guard poll.phase(at: now) == .closed else { throw PollError.notClosed }
        var errors: [FieldError] = []
        let text = Validate.text(input.outcome, field: "outcome", max: 4000, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        (poll.outcome, poll.outcomeAt, poll.outcomeBy) = (text, now, user.id)
        try await db.transaction { tx in
            try await poll.update(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "poll.outcome_written",
                                      subjectType: "poll", subjectID: try poll.requireID().uuidString, details: [:],
                                      at: now)
        }
    }

    public static func options(of poll: Poll, on db: any Database) async throws -> [PollOption] {
        try await PollOption.query(on: db).filter(\.$pollID == poll.requireID()).sort(\.$position).all()
    }
}
