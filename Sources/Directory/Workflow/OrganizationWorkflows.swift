import Platform

/// The procedures around an organisation: its verification by staff, and who comes to represent it.
public enum OrganizationWorkflows {
    public static let verification = Workflow<OrganizationVerification>(name: "organization", transitions: [
        WorkflowTransition("verify", from: [.pending], to: .verified, permission: .manageOrganizations),
        WorkflowTransition("reject", from: [.pending], to: .rejected, permission: .manageOrganizations,
                           requiresReason: true, destructive: true),
        // Its representatives correct what staff asked for and send it again.
        WorkflowTransition("resubmit", from: [.rejected], to: .pending, permission: .representOrganizations),
    ])

    /// A request is decided by the organisation's representatives (or staff); an invitation is answered by the
    /// person invited; the one who asked or invited may withdraw while it waits.
    public static let representation = Workflow<RepresentationState>(name: "representation", transitions: [
        WorkflowTransition("approve", from: [.pending], to: .approved, permission: .representOrganizations),
        WorkflowTransition("decline", from: [.pending], to: .declined, permission: .representOrganizations,
                           requiresReason: true, destructive: true),
        WorkflowTransition("accept", from: [.invited], to: .approved, permission: .registerOrganizations),
        WorkflowTransition("refuse", from: [.invited], to: .declined, permission: .registerOrganizations,
                           destructive: true),
        WorkflowTransition("withdraw", from: [.pending, .invited], to: .withdrawn, permission: .registerOrganizations,
                           destructive: true),
    ])
}
