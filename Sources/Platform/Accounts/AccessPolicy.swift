/// The one place that says what each role may do.
public enum AccessPolicy {
    public static let grants: [Role: Set<Permission>] = [
        .admin: Set(Permission.allCases),
        .coordinator: [
            .manageOrganizations, .registerOrganizations, .representOrganizations, .reviewMembership, .decideMembership,
            .manageAgreements, .recordFollowUp, .recordMeasurements,
            .reviewProjects, .manageProcesses, .evaluateProposals, .moderate, .assistParticipation, .participate,
            .readAuditLog,
            .assignExpertise, .diagnoseDifficulties, .proposeSolutions, .decideDifficulties, .resolveDifficulties,
            .manageCSR, .organizeEvents,
        ],
        .reviewer: [.reviewMembership, .reviewProjects, .diagnoseDifficulties, .participate, .registerOrganizations],
        .evaluator: [.evaluateProjects, .evaluateProposals, .recordFollowUp, .recordMeasurements, .participate,
                     .registerOrganizations],
        .expert: [.answerExpertise, .diagnoseDifficulties, .proposeSolutions, .participate, .registerOrganizations],
        .organizationRepresentative: [
            .registerOrganizations, .representOrganizations, .applyForMembership, .submitProjects, .recordFollowUp,
            .participate, .requestExpertise, .proposeSolutions, .resolveDifficulties, .pledgeCSR,
        ],
        .member: [.submitProjects, .proposeSolutions, .participate, .registerOrganizations],
        .citizen: [.participate, .registerOrganizations],
    ]

    public static func allows(_ roles: some Sequence<Role>, _ permission: Permission) -> Bool {
        roles.contains { grants[$0]?.contains(permission) ?? false }
    }

    /// The roles that grant a permission, for error messages that say who may act.
    public static func roles(granting permission: Permission) -> [Role] {
        Role.allCases.filter { grants[$0]?.contains(permission) ?? false }
    }
}
