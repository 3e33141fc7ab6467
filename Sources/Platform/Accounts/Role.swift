/// The roles a person may hold on the platform.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case coordinator
    case reviewer
    case evaluator
    case expert
    case organizationRepresentative = "organization_representative"
    case member
    case citizen
}

/// What an action needs. Every check in the app names one of these; ``AccessPolicy`` alone
/// decides which roles grant it.
public enum Permission: String, CaseIterable, Sendable {
    case readOutbox = "outbox.read"
    case manageUsers = "users.manage"
    case readAuditLog = "audit.read"
    case manageOrganizations = "organizations.manage"
    case applyForMembership = "membership.apply"
    case reviewMembership = "membership.review"
    case decideMembership = "membership.decide"
    case manageAgreements = "agreements.manage"
    case recordFollowUp = "follow_up.record"
    case recordMeasurements = "indicators.measure"
    case submitProjects = "projects.submit"
    case reviewProjects = "projects.review"
    case evaluateProjects = "projects.evaluate"
    case answerExpertise = "expertise.answer"
    case requestExpertise = "expertise.request"
    case assignExpertise = "expertise.assign"
    case diagnoseDifficulties = "difficulties.diagnose"
    case proposeSolutions = "difficulties.propose"
    case decideDifficulties = "difficulties.decide"
    case resolveDifficulties = "difficulties.resolve"
    case pledgeCSR = "csr.pledge"
    case manageCSR = "csr.manage"
    case participate = "participation.participate"
    case manageProcesses = "participation.manage"
}

/// The one place that says what each role may do.
public enum AccessPolicy {
    public static let grants: [Role: Set<Permission>] = [
        .admin: Set(Permission.allCases),
        .coordinator: [
            .manageOrganizations, .reviewMembership, .decideMembership, .manageAgreements, .recordFollowUp,
            .recordMeasurements,
            .reviewProjects, .manageProcesses, .participate, .readAuditLog,
            .assignExpertise, .diagnoseDifficulties, .proposeSolutions, .decideDifficulties, .resolveDifficulties,
            .manageCSR,
        ],
        .reviewer: [.reviewMembership, .reviewProjects, .diagnoseDifficulties, .participate],
        .evaluator: [.evaluateProjects, .recordFollowUp, .recordMeasurements, .participate],
        .expert: [.answerExpertise, .diagnoseDifficulties, .proposeSolutions, .participate],
        .organizationRepresentative: [
            .applyForMembership, .submitProjects, .recordFollowUp, .participate, .requestExpertise, .proposeSolutions,
            .resolveDifficulties, .pledgeCSR,
        ],
        .member: [.submitProjects, .proposeSolutions, .participate],
        .citizen: [.participate],
    ]

    public static func allows(_ roles: some Sequence<Role>, _ permission: Permission) -> Bool {
        roles.contains { grants[$0]?.contains(permission) ?? false }
    }

    /// The roles that grant a permission, for error messages that say who may act.
    public static func roles(granting permission: Permission) -> [Role] {
        Role.allCases.filter { grants[$0]?.contains(permission) ?? false }
    }
}
