import Platform

/// The procedures of the Agreements room.
public enum AgreementWorkflows {
    public static let agreement = Workflow<AgreementState>(name: "agreement", transitions: [
        WorkflowTransition("sign", from: [.draft], to: .signed, permission: .manageAgreements),
        WorkflowTransition("activate", from: [.signed], to: .active, permission: .manageAgreements),
        WorkflowTransition("expire", from: [.active], to: .expired, permission: .manageAgreements, destructive: true),
        WorkflowTransition("terminate", from: [.signed, .active], to: .terminated, permission: .manageAgreements,
                           requiresReason: true, destructive: true),
    ])

    public static let commitment = Workflow<CommitmentState>(name: "commitment", transitions: [
        WorkflowTransition("start", from: [.planned], to: .inProgress, permission: .recordFollowUp),
        WorkflowTransition("complete", from: [.inProgress, .late], to: .done, permission: .recordFollowUp),
        WorkflowTransition("mark_late", from: [.planned, .inProgress], to: .late, permission: .recordFollowUp,
                           requiresReason: true),
        WorkflowTransition("resume", from: [.late], to: .inProgress, permission: .recordFollowUp, requiresReason: true),
        WorkflowTransition("drop", from: [.planned, .inProgress, .late], to: .dropped, permission: .manageAgreements,
                           requiresReason: true, destructive: true),
    ])
}
