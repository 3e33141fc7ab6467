import Platform

/// The procedure of a proposal: who may take each step, from which states.
public enum ParticipationWorkflows {
    public static let proposal = Workflow<ProposalState>(name: "proposal", transitions: [
        .init("publish", from: [.draft], to: .published, permission: .participate),
        .init("withdraw", from: [.published, .evaluating], to: .withdrawn, permission: .participate, destructive: true),
        .init("answer_evaluating", from: [.published], to: .evaluating, permission: .evaluateProposals,
              requiresReason: true),
        .init("answer_accepted", from: [.published, .evaluating], to: .accepted, permission: .evaluateProposals,
              requiresReason: true),
        .init("answer_rejected", from: [.published, .evaluating], to: .rejected, permission: .evaluateProposals,
              requiresReason: true, destructive: true),
        .init("merge", from: [.published, .evaluating], to: .merged, permission: .manageProcesses, requiresReason: true,
              destructive: true),
    ])

    /// The steps only the author takes.
    static let authorActions: Set<String> = ["publish", "withdraw"]
}
