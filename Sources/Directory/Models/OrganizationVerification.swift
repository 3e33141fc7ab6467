import Platform

/// Where an organisation stands with the network's staff. One registered by a person waits for staff to check
/// its accreditation; only verified organisations show in the public directory and may act (apply, file projects).
public enum OrganizationVerification: String, WorkflowState {
    case pending
    case verified
    case rejected
}
