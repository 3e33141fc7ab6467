import Fluent
import Platform
import SQLKit
import Vapor

/// Taking responses: one per person (an account, or a citizen a coordinator received, recognised by their
/// document), or any number through the anonymous link, each with its answers in one transaction.
public enum SurveyAnswering {
    /// Answers through the anonymous link, per client address and survey, and per survey in all: enough for a room
    /// of people sharing a connection at a public meeting, not for a script filling the survey.
    public static let linkPerAddress = ThrottleRule(limit: 40, window: 600)
    public static let linkPerSurvey = ThrottleRule(limit: 1000, window: 600)

    /// The signed-in person answers.
    @discardableResult
    public static func answer(_ survey: Survey, _ input: SurveyAnswerInput, by user: CurrentUser, on db: any Database,
                              now: Date) async throws -> UUID
    {
        try user.require(.participate)
        try await ParticipationPolicy.requireNotSuspended(user, on: db, now: now)
        try requireAccepting(survey, now: now)
        let (rows, demographics) = try await checked(survey, input, on: db)
        let completed = try await Demographics.of(userID: user.id, given: demographics, on: db)
        return try await record(survey, rows: rows, key: ParticipantKey.account(user.id), userID: user.id,
                                assistedBy: nil, channel: .account, demographics: completed, actor: nil,
                                details: [:], on: db, now: now)
    }

    /// Someone answers through the survey's anonymous link (`token`): no account, no key, counted per address.
    @discardableResult
    public static func answer(_ survey: Survey, _ input: SurveyAnswerInput, token: String?, address: String,
                              on db: any Database, now: Date) async throws -> UUID
    {
        guard isLink(token, of: survey) else { throw SurveyError.linkInvalid }
        try requireAccepting(survey, now: now)
        let id = try survey.requireID()
        try await Throttle.hit("survey.link:\(id):\(address)", linkPerAddress, on: db, now: now)
        try await Throttle.hit("survey.link:\(id)", linkPerSurvey, on: db, now: now)
        let (rows, demographics) = try await checked(survey, input, on: db)
        return try await record(survey, rows: rows, key: nil, userID: nil, assistedBy: nil, channel: .link,
                                demographics: demographics, actor: nil, details: [:], on: db, now: now)
    }

    /// A coordinator records the response of a citizen received in person; marked assisted and audited.
    @discardableResult
    public static func answerAssisted(_ survey: Survey, _ input: SurveyAssistedInput, by user: CurrentUser,
                                      on db: any Database, now: Date) async throws -> UUID
    {
        try user.require(.assistParticipation)
        try requireAccepting(survey, now: now)
        let questions = try await SurveyQuestion.query(on: db).filter(\.$surveyID == survey.requireID()).all()
        let (rows, answerErrors) = SurveyAnswerCheck.check(input.answers, questions: questions)
        var errors = answerErrors
        var person: (key: String, kind: String, demographics: Demographics)?
        do {
            person = try await input.assisted.checked(on: db)
        } catch let failure as ValidationFailure {
            errors = failure.fieldErrors + errors
        }
        guard errors.isEmpty, let person else { throw ValidationFailure(errors) }
        return try await record(survey, rows: rows, key: person.key, userID: nil, assistedBy: user.id, channel: .assisted,
                                demographics: person.demographics, actor: AuditActor(user),
                                details: ["assisted": "true", "document_kind": person.kind], on: db, now: now)
    }

    /// The link's secret, compared in constant time.
    public static func isLink(_ token: String?, of survey: Survey) -> Bool {
        guard let expected = survey.linkToken, let token else { return false }
        let left = Array(expected.utf8), right = Array(token.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func requireAccepting(_ survey: Survey, now: Date) throws {
        guard survey.isAccepting(on: ISODate.string(now)) else { throw SurveyError.notOpen }
    }

    /// The answers and the given demographics, or every problem of both.
    static func checked(_ survey: Survey, _ input: SurveyAnswerInput, on db: any Database) async throws
        -> ([SurveyCheckedAnswer], Demographics)
    {
        let questions = try await SurveyQuestion.query(on: db).filter(\.$surveyID == survey.requireID()).all()
        let (rows, answerErrors) = SurveyAnswerCheck.check(input.answers, questions: questions)
        var errors = answerErrors
        let demographics = try await Demographics.validate(input.demographics, on: db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return (rows, demographics)
    }

    /// Writes the response and its answers together. A second response under the same key inserts nothing and is
    /// refused, however many arrive at once (the unique index decides).
    static func record(_ survey: Survey, rows: [SurveyCheckedAnswer], key: String?, userID: UUID?, assistedBy: UUID?,
                       channel: SurveyChannel, demographics: Demographics, actor: AuditActor?,
                       details: [String: String], on db: any Database, now: Date) async throws -> UUID
    {
        let surveyID = try survey.requireID()
        let responseID = UUID()
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError, reason: "surveys need SQL") }
            let inserted = try await sql.raw("""
                INSERT INTO survey_responses (id, survey_id, participant_key, user_id, assisted_by, channel, wilaya_code,
                                              sex, age_group, created_at)
                VALUES (\(bind: responseID), \(bind: surveyID), \(bind: key), \(bind: userID), \(bind: assistedBy),
                        \(bind: channel.rawValue), \(bind: demographics.wilayaCode), \(bind: demographics.sex),
                        \(bind: demographics.ageGroup), \(bind: now))
                ON CONFLICT (survey_id, participant_key) DO NOTHING
                RETURNING id
                """).first()
            guard inserted != nil else { throw SurveyError.alreadyAnswered }
            try await rows.map { SurveyAnswer(responseID: responseID, surveyID: surveyID, value: $0, at: now) }
                .create(on: tx)
            if let actor {
                try await AuditLog.record(on: tx, actor: actor, action: "survey.answered", subjectType: "survey",
                                          subjectID: surveyID.uuidString,
                                          details: details.merging(["response_id": responseID.uuidString]) { $1 }, at: now)
            }
        }
        return responseID
    }

    /// When this account answered the survey, if it did.
    public static func answeredAt(_ survey: Survey, by userID: UUID?, on db: any Database) async throws -> Date? {
        guard let userID, let id = survey.id else { return nil }
        return try await SurveyResponse.query(on: db).filter(\.$surveyID == id)
            .filter(\.$participantKey == ParticipantKey.account(userID)).first()?.createdAt
    }
}
