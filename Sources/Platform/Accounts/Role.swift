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
