import Platform

/// The membership procedure (DESIGN.md "Workflows"): who may take each step, and which need a reason.
public enum MembershipWorkflows {
    public static let application = Workflow<ApplicationState>(name: "application", transitions: [
        WorkflowTransition("start_review", from: [.submitted], to: .underReview, permission: .reviewMembership),
        WorkflowTransition("accept", from: [.underReview], to: .accepted, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("reject", from: [.underReview], to: .rejected, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("withdraw", from: [.submitted, .underReview], to: .withdrawn,
                           permission: .applyForMembership),
    ])

    public static let membership = Workflow<MembershipState>(name: "membership", transitions: [
        WorkflowTransition("suspend", from: [.active], to: .suspended, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("reactivate", from: [.suspended], to: .active, permission: .decideMembership,
                           requiresReason: true),
        WorkflowTransition("terminate", from: [.active, .suspended], to: .terminated, permission: .decideMembership,
                           requiresReason: true),
    ])
}

/// The published checklist reviewers answer before an application may be accepted.
public enum MembershipChecklist {
    public static let items = [
        "accreditation_valid",        // the accreditation number and date match the registry
        "statutes_compatible",        // the statutes allow SSE or participatory-democracy activity
        "activity_in_domains",        // the declared domains match real activity in the last two years
        "references_checked",         // the references were contacted and confirmed
        "governance_in_order",        // the general assembly and board are up to date
    ]
}
