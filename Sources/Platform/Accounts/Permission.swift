/// What an action needs. Every check in the app names one of these; ``AccessPolicy`` alone
/// decides which roles grant it.
public enum Permission: String, CaseIterable, Sendable {
    case readOutbox = "outbox.read"
    case manageUsers = "users.manage"
    case readAuditLog = "audit.read"
    case manageOrganizations = "organizations.manage"
    /// Register an organisation (it waits for verification) or ask to represent one: any signed-in person.
    case registerOrganizations = "organizations.register"
    /// Act for an organisation one represents: its profile, its representatives and who may join them.
    case representOrganizations = "organizations.represent"
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
    /// Study proposals one is assigned to: private notes, cost, feasibility.
    case evaluateProposals = "participation.evaluate"
    /// Hide content with a reason, suspend accounts, approve pre-moderated posts.
    case moderate = "participation.moderate"
    /// Record an endorsement or a survey answer for a citizen who came in person.
    case assistParticipation = "participation.assist"
    /// Organise trainings and events for any organisation, issue their certificates, keep the resource library.
    case organizeEvents = "capacity.organize"
}
