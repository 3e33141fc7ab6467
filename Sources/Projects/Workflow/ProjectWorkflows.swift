import Platform

/// The procedures of the Projects room: each step, from which states, and who may take it.
public enum ProjectWorkflows {
    public static let project = Workflow<ProjectState>(name: "project", transitions: [
        .init("submit", from: [.draft], to: .submitted, permission: .submitProjects),
        .init("start_review", from: [.submitted], to: .underReview, permission: .reviewProjects),
        .init("approve", from: [.underReview], to: .approved, permission: .reviewProjects),
        .init("reject", from: [.underReview], to: .rejected, permission: .reviewProjects, requiresReason: true,
              destructive: true),
        .init("revise", from: [.rejected], to: .draft, permission: .submitProjects),
        .init("start", from: [.approved], to: .inProgress, permission: .submitProjects),
        .init("suspend", from: [.inProgress], to: .suspended, permission: .reviewProjects, requiresReason: true,
              destructive: true),
        .init("resume", from: [.suspended], to: .inProgress, permission: .reviewProjects, requiresReason: true),
        .init("complete", from: [.inProgress], to: .completed, permission: .submitProjects),
        .init("evaluate", from: [.completed], to: .evaluated, permission: .evaluateProjects),
    ])

    /// Actions an association takes for its own project (the others belong to the network's staff).
    static let ownerActions: Set<String> = ["submit", "revise", "start", "complete"]

    public static let difficulty = Workflow<DifficultyState>(name: "difficulty", transitions: [
        .init("diagnose", from: [.reported], to: .diagnosed, permission: .diagnoseDifficulties),
        .init("decide", from: [.diagnosed, .escalated], to: .decided, permission: .decideDifficulties),
        .init("resolve", from: [.decided, .escalated], to: .resolved, permission: .resolveDifficulties, requiresReason: true),
        .init("escalate", from: [.decided], to: .escalated, permission: .decideDifficulties, requiresReason: true,
              destructive: true),
    ])

    public static let expertise = Workflow<ExpertiseRequestState>(name: "expertise", transitions: [
        .init("assign", from: [.open], to: .assigned, permission: .assignExpertise),
        .init("accept", from: [.assigned], to: .accepted, permission: .answerExpertise),
        .init("decline", from: [.assigned], to: .open, permission: .answerExpertise, requiresReason: true,
              destructive: true),
        .init("answer", from: [.accepted], to: .answered, permission: .answerExpertise, requiresReason: true),
        .init("ask", from: [.answered], to: .accepted, permission: .requestExpertise, requiresReason: true),
        .init("complete", from: [.answered], to: .completed, permission: .requestExpertise, requiresReason: true),
        .init("cancel", from: [.open, .assigned, .accepted], to: .cancelled, permission: .requestExpertise,
              requiresReason: true, destructive: true),
    ])

    public static let pledge = Workflow<PledgeState>(name: "pledge", transitions: [
        .init("confirm", from: [.pledged], to: .confirmed, permission: .manageCSR),
        .init("cancel", from: [.pledged, .confirmed], to: .cancelled, permission: .manageCSR, requiresReason: true,
              destructive: true),
    ])
}
