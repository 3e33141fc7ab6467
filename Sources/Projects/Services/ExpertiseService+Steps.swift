import Directory
import Fluent
import Platform
import Vapor

extension ExpertiseService {
    static let adviceLimit = 8000

    /// The expert's profile of an account, if it has one.
    public static func person(of user: CurrentUser, on db: any Database) async throws -> Person? {
        try await Person.query(on: db).filter(\.$userID == user.id).filter(\.$erasedAt == nil).first()
    }

    /// Whether this account is the expert the request is assigned to.
    public static func isAssignedExpert(_ user: CurrentUser, of request: ExpertiseRequest, on db: any Database) async throws
        -> Bool
    {
        guard let expertID = request.expertID else { return false }
        return try await person(of: user, on: db)?.id == expertID
    }

    /// A step of the request's procedure:
    /// - staff `assign` an expert among those ranked for it (`expert_id`);
    /// - the assigned expert `accept`s, `decline`s (with the reason: the request is open again for staff), or
    ///   `answer`s (the advice, in `reason`);
    /// - the association asks a follow-up question (`ask`, the question in `reason`), `complete`s with its feedback
    ///   and a rating from 1 to 5, or `cancel`s.
    /// Everyone the step concerns is told, on the site and by mail.
    public static func step(
        _ request: ExpertiseRequest, action: String, reason: String?, expertID: UUID?, rating: Int?, by user: CurrentUser,
        on db: any Database, now: Date, messaging: Messaging
    ) async throws {
        let from = request.state
        let step = try ProjectWorkflows.expertise.check(action: action, from: from, user: user, reason: reason)
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch step.action {
        case "accept", "decline", "answer":
            guard try await isAssignedExpert(user, of: request, on: db) else { throw ProjectsError.notTheAssignedExpert }
        case "ask", "complete", "cancel":
            try await ProjectsPolicy.requireRepresentative(user, of: request.organizationID, unless: .assignExpertise, on: db)
        default: break
        }
        let limit = step.action == "answer" || step.action == "ask" ? adviceLimit : 4000
        if text.count > limit { throw ValidationFailure([FieldError("reason", "validation.too_long", "\(limit)")]) }
        var assignedAccount: UUID?
        switch step.action {
        case "assign":
            guard let expertID else { throw ValidationFailure([FieldError("expert_id", "validation.required")]) }
            guard try await matches(for: request, on: db).contains(where: { $0.candidate.id == expertID }),
                  let person = try await Person.find(expertID, on: db) else {
                throw ValidationFailure([FieldError("expert_id", "validation.invalid_choice")])
            }
            request.expertID = expertID
            assignedAccount = person.userID
        case "decline":
            request.expertID = nil
        case "complete":
            if let rating, !(1...5).contains(rating) {
                throw ValidationFailure([FieldError("rating", "validation.range", "1", "5")])
            }
            request.feedback = text
            request.rating = rating
        default: break
        }
        let expertAccount = try await expertAccount(of: request, on: db)
        let newlyAssigned = assignedAccount
        request.state = step.to
        try await ProjectWorkflows.expertise.apply(step, to: request, from: from, by: AuditActor(user),
                                                   reason: step.action == "answer" || step.action == "ask" ? nil : reason,
                                                   on: db, at: now) { tx in
            let id = try request.requireID()
            if step.action == "answer" || step.action == "ask" {
                try await ExpertiseMessage(requestID: id, kind: step.action == "answer" ? .advice : .question,
                                           authorUserID: user.id, body: text).create(on: tx)
            }
            let association = try await associationAccounts(of: request, on: tx)
            let recipients: [UUID]
            switch step.action {
            case "assign": recipients = [newlyAssigned].compactMap { $0 }
            case "accept", "answer": recipients = association
            case "decline": recipients = association + (try await Notifier.users(withAnyOf: [.coordinator], on: tx))
            default: recipients = [expertAccount].compactMap { $0 }   // ask, complete, cancel
            }
            var told = Set<UUID>()
            let unique = recipients.filter { $0 != user.id && told.insert($0).inserted }
            try await Notifier.notify(userIDs: unique, messageKey: "notification.expertise_" + step.action,
                                      arguments: [request.subject, text], link: "expertise/\(id)", on: tx,
                                      catalog: messaging.catalog, baseURL: messaging.baseURL, at: now)
        }
    }

    /// The account of the request's expert (nil when none is assigned, or the profile has no account).
    static func expertAccount(of request: ExpertiseRequest, on db: any Database) async throws -> UUID? {
        guard let expertID = request.expertID else { return nil }
        return try await Person.find(expertID, on: db)?.userID
    }

    /// Who speaks for the association: the person who asked, and the organisation's representatives.
    static func associationAccounts(of request: ExpertiseRequest, on db: any Database) async throws -> [UUID] {
        [request.requestedByUserID].compactMap { $0 } + (try await Representation.userIDs(of: request.organizationID, on: db))
    }

    /// The conversation, oldest first.
    public static func messages(of request: ExpertiseRequest, on db: any Database) async throws -> [ExpertiseMessage] {
        try await ExpertiseMessage.query(on: db).filter(\.$requestID == request.requireID()).sort(\.$createdAt).all()
    }
}
