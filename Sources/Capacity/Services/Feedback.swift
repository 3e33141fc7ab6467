import Fluent
import Platform
import Vapor

/// Feedback as `POST /api/v1/events/{id}/feedback` and the event page's form give it.
public struct FeedbackInput: Content, Sendable {
    /// The registration it is about (the person's own when left out).
    public var registrationID: UUID?
    public var rating: Int?
    public var useful: Bool?
    public var comment: String?

    public init() {}
}

/// What participants thought: once the event has begun, each registered person (or whoever registered them) rates
/// it from 1 to 5, says whether it was useful for their association, and comments; a later answer replaces theirs.
/// The organiser reads the average and the comments, without names.
public enum Feedback {
    public struct Summary: Content, Sendable {
        public let answers: Int
        public let averageRating: Double?
        public let useful: Int
        public let comments: [String]
    }

    public static func give(_ event: CapacityEvent, _ input: FeedbackInput, by user: CurrentUser,
                            _ context: ServiceContext) async throws
    {
        guard !event.isCancelled else { throw CapacityError.eventCancelled }
        guard context.now >= event.startsAt else { throw CapacityError.notStarted }
        let eventID = try event.requireID()
        let own = try await EventRegistration.query(on: context.db).filter(\.$eventID == eventID)
            .filter(\.$status == .registered)
            .group(.or) { $0.filter(\.$userID == user.id).filter(\.$registeredBy == user.id) }.all()
        // The registration named, else the person's own, else the one they made.
        let named = input.registrationID.map { id in own.first { $0.id == id } }
        guard let registration = named ?? own.first(where: { $0.userID == user.id }) ?? own.first else {
            throw CapacityError.notRegistered
        }
        var errors: [FieldError] = []
        let rating = input.rating ?? 0
        if !(1...5).contains(rating) { errors.append(FieldError("rating", "validation.range", "1", "5")) }
        let comment = Validate.text(input.comment, field: "comment", max: 2000, required: false, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let registrationID = try registration.requireID()
        try await context.db.transaction { tx in
            let row = try await EventFeedback.query(on: tx).filter(\.$registrationID == registrationID).first()
                ?? EventFeedback()
            (row.eventID, row.registrationID, row.rating) = (eventID, registrationID, rating)
            (row.useful, row.comment, row.createdAt) = (input.useful ?? false, comment, context.now)
            try await row.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "event.feedback", subjectType: "event",
                                      subjectID: eventID.uuidString, details: ["rating": "\(rating)"], at: context.now)
        }
    }

    public static func summary(_ eventID: UUID, on db: any Database) async throws -> Summary {
        let rows = try await EventFeedback.query(on: db).filter(\.$eventID == eventID).sort(\.$createdAt).all()
        let average = rows.isEmpty ? nil
            : (Double(rows.map(\.rating).reduce(0, +)) / Double(rows.count) * 10).rounded() / 10
        return Summary(answers: rows.count, averageRating: average, useful: rows.filter(\.useful).count,
                       comments: rows.map(\.comment).filter { !$0.isEmpty })
    }
}
