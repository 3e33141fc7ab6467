import Platform

/// The membership procedure (DESIGN.md "Workflows"): who may take each step, and which need a reason.
public enum MembershipWorkflows {
    public static let application = Workflow<ApplicationState>(name: "application", transitions: [
        WorkflowTransition("start_review", from: [.submitted], to: .underReview, permission: .reviewMembership),
        WorkflowTransition("accept", from: [.underReview], to: .accepted, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("reject", from: [.underReview], to: .rejected, permission: .decideMembership,
                           requiresReason: true, destructive: true),
        WorkflowTransition("withdraw", from: [.submitted, .underReview], to: .withdrawn,
                           permission: .applyForMembership, destructive: true),
    ])

    public static let membership = Workflow<MembershipState>(name: "membership", transitions: [
        WorkflowTransition("suspend", from: [.active], to: .suspended, permission: .decideMembership,
                           requiresReason: true, destructive: true),
        WorkflowTransition("reactivate", from: [.suspended], to: .active, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("terminate", from: [.active, .suspended], to: .terminated, permission: .decideMembership,
                           requiresReason: true, destructive: true),
    ])
}
