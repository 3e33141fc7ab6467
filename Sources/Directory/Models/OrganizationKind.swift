import Fluent
import Platform
import Vapor

/// Kinds of organisation named in the founding document.
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case association
    case network
    case observatory
    case publicInstitution = "public_institution"
    case company
    case academicInstitution = "academic_institution"
    case internationalOrganization = "international_organization"
}
