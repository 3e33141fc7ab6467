import Fluent
import Platform
import Vapor

public enum EvaluationService {
    typealias Checked = (phase: EvaluationPhase, scores: [String: Int], findings: String, recommendations: String,
                         evaluatedOn: String)

    /// Every problem of an evaluation at once.
    static func validate(_ input: EvaluationInput, now: Date) -> (Checked?, [FieldError]) {
        var errors: [FieldError] = []
        let phase = Validate.choice(input.phase, field: "phase", as: EvaluationPhase.self, into: &errors)
        let scores = input.scores ?? [:]
        for criterion in DACCriterion.allCases {
            guard let score = scores[criterion.rawValue] else {
                errors.append(FieldError("scores.\(criterion.rawValue)", "validation.required"))
                continue
            }
            if !EvaluationScale.range.contains(score) {
                errors.append(FieldError("scores.\(criterion.rawValue)", "validation.range",
                                         "\(EvaluationScale.range.lowerBound)", "\(EvaluationScale.range.upperBound)"))
            }
        }
        for key in scores.keys where DACCriterion(rawValue: key) == nil {
            errors.append(FieldError("scores.\(key)", "validation.invalid_choice"))
        }
        let findings = Validate.text(input.findings, field: "findings", max: 4000, into: &errors)
        let recommendations = Validate.text(input.recommendations, field: "recommendations", max: 4000, into: &errors)
        let evaluatedOn = input.evaluatedOn?.isEmpty == false ? Validate.date(input.evaluatedOn, field: "evaluated_on", into: &errors)
            : ISODate.string(now)
        guard let phase else { return (nil, errors) }
        return ((phase, scores, findings, recommendations, evaluatedOn), errors)
    }

    /// A mid-term evaluation while the project runs; a final one once it is completed, which closes it as evaluated.
    public static func record(
        _ input: EvaluationInput, for project: Project, by user: CurrentUser, on db: any Database, now: Date
    ) async throws -> Evaluation {
        guard user.may(.evaluateProjects) else { throw PlatformError.forbidden(permission: .evaluateProjects) }
        let (checked, errors) = validate(input, now: now)
        guard errors.isEmpty, let checked else { throw ValidationFailure(errors) }
        let (phase, scores, findings, recommendations, evaluatedOn) = checked
        let allowed: Set<ProjectState> = phase == .final ? [.completed] : [.inProgress, .suspended, .completed]
        guard allowed.contains(project.state) else { throw ProjectsError.evaluationNotAllowed }
        let projectID = try project.requireID()
        if try await Evaluation.query(on: db).filter(\.$projectID == projectID).filter(\.$phase == phase).count() > 0 {
            throw ProjectsError.evaluationAlreadyRecorded
        }
        let evaluation = Evaluation()
        evaluation.projectID = projectID
        evaluation.phase = phase
        evaluation.score(scores)
        evaluation.findings = findings
        evaluation.recommendations = recommendations
        evaluation.evaluatorID = user.id
        evaluation.evaluatorName = ""  // the name is shown from the account (AuthorNames): erasure leaves no copy
        evaluation.evaluatedOn = evaluatedOn
        try await db.transaction { tx in
            try await evaluation.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "project.evaluated", subjectType: "project",
                                      subjectID: projectID.uuidString, details: ["phase": phase.rawValue], at: now)
            if phase == .final {
                let step = try ProjectWorkflows.project.check(action: "evaluate", from: project.state, user: user, reason: nil)
                let from = project.state
                try await WorkflowGuard.claim(Project.schema, id: projectID, state: from.rawValue, on: tx)
                project.state = step.to
                try await project.save(on: tx)
                try await WorkflowStep.record(workflow: "project", subjectID: projectID, action: "evaluate", from: from.rawValue,
                                              to: step.to.rawValue, actor: AuditActor(user), reason: nil, on: tx, at: now)
            }
        }
        return evaluation
    }
}
