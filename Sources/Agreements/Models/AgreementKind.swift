import Fluent
import Platform
import Vapor

public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case frameworkAgreement = "framework_agreement"
    case convention
    case memorandum
}
