import Fluent
import Platform
import Vapor

/// The role a person holds in an organisation's governing body.
public enum RepresentativeRole: String, CaseIterable, Codable, Sendable {
    case president
    case vicePresident = "vice_president"
    case secretaryGeneral = "secretary_general"
    case treasurer
    case representative
}
