import Directory
import Fluent
import Platform
import Vapor

public enum AgreementService {
    public static func transition(
        _ agreement: Agreement, action: String, reason: String?, by user: CurrentUser, on db: any Database, now: Date
    ) async throws {
        let from = agreement.state
        let step = try AgreementWorkflows.agreement.check(action: action, from: from, user: user, reason: reason)
        agreement.state = step.to
        try await AgreementWorkflows.agreement.apply(step, to: agreement, from: from, by: AuditActor(user), reason: reason,
                                                     on: db, at: now)
    }

    public static func addCommitment(
        _ input: CommitmentInput, to agreement: Agreement, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> Commitment {
        var errors: [FieldError] = []
        if input.ownerID == nil { errors.append(FieldError("owner_id", "validation.required")) }
        let description = input.description ?? Translated()
        if SiteLanguage.allCases.allSatisfy({ description.value(in: $0) == nil }) {
            errors.append(FieldError("description", "validation.name_one_language"))
        }
        if let error = ISODate.check(input.dueOn, field: "due_on", required: true) { errors.append(error) }
        guard errors.isEmpty, let ownerID = input.ownerID, let dueOn = input.dueOn else { throw ValidationFailure(errors) }
        let agreementID = try agreement.requireID()
        guard try await AgreementParty.query(on: db).filter(\.$agreementID == agreementID)
            .filter(\.$organizationID == ownerID).count() > 0 else { throw AgreementsError.ownerNotAParty }
        if let objective = input.strategyObjectiveID, try await StrategyObjective.find(objective, on: db) == nil {
            throw ValidationFailure([FieldError("strategy_objective_id", "validation.invalid_choice")])
        }
        let commitment = Commitment()
        commitment.agreementID = agreementID
        commitment.ownerID = ownerID
        commitment.summary = description
        commitment.dueOn = dueOn
        commitment.strategyObjectiveID = input.strategyObjectiveID
        commitment.state = .planned
        commitment.progress = 0
        try await db.transaction { tx in
            try await commitment.create(on: tx)
            try await WorkflowStep.record(workflow: "commitment", subjectID: try commitment.requireID(), action: "plan",
                                          from: nil, to: CommitmentState.planned.rawValue, actor: AuditActor(user),
                                          reason: nil, on: tx, at: now)
        }
        return commitment
    }

    public static func transition(
        _ commitment: Commitment, action: String, reason: String?, by user: CurrentUser, on db: any Database, now: Date
    ) async throws {
        let from = commitment.state
        let step = try AgreementWorkflows.commitment.check(action: action, from: from, user: user, reason: reason)
        try await AgreementsPolicy.requireActing(on: commitment, by: user, on: db)
        commitment.state = step.to
        if step.to == .done { commitment.progress = 100 }
        try await AgreementWorkflows.commitment.apply(step, to: commitment, from: from, by: AuditActor(user), reason: reason,
                                                      on: db, at: now)
    }

    public static func addFollowUp(
        _ input: FollowUpInput, to agreement: Agreement, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> FollowUp {
        try user.require(.recordFollowUp)
        var errors: [FieldError] = []
        if let error = ISODate.check(input.occurredOn, field: "occurred_on", required: true) { errors.append(error) }
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError("text", "validation.required")) }
        if text.count > 4000 { errors.append(FieldError("text", "validation.too_long", "4000")) }
        if let progress = input.progress, !(0...100).contains(progress) {
            errors.append(FieldError("progress", "validation.range", "0", "100"))
        }
        if let url = input.evidenceURL, !url.isEmpty,
           !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url)?.host == nil {
            errors.append(FieldError("evidence_url", "validation.url"))
        }
        let agreementID = try agreement.requireID()
        var commitment: Commitment?
        if let id = input.commitmentID {
            commitment = try await Commitment.query(on: db).filter(\.$id == id).filter(\.$agreementID == agreementID).first()
            if commitment == nil { errors.append(FieldError("commitment_id", "validation.invalid_choice")) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await AgreementsPolicy.requireFollowingUp(agreement, commitment: commitment, by: user, on: db)
        let target = commitment
        let entry = FollowUp()
        entry.agreementID = agreementID
        entry.commitmentID = commitment?.id
        entry.occurredOn = input.occurredOn!
        entry.authorID = user.id
        entry.authorName = ""  // shown from the account (AuthorNames), so erasure leaves no copy behind
        entry.text = text
        entry.evidenceURL = input.evidenceURL.flatMap { $0.isEmpty ? nil : $0 }
        entry.progress = input.progress
        try await db.transaction { tx in
            try await entry.create(on: tx)
            if let target, let progress = input.progress {
                target.progress = progress
                try await target.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "follow_up.recorded", subjectType: "agreement",
                                      subjectID: agreementID.uuidString,
                                      details: ["commitment": target?.id?.uuidString ?? ""], at: now)
        }
        return entry
    }
}
