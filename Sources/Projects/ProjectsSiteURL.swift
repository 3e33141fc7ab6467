import Fluent
import Platform
import Vapor

/// The Projects room's pages with fixed addresses.
public enum ProjectsSiteURL: String, CaseIterable, SiteRoute {
    case projects = "projects"
    case newProject = "projects/new"
    case difficulties = "difficulties"
    case evaluations = "evaluations"
    case expertise = "expertise"
    case csr = "csr"
    case cooperation = "cooperation"

    public var linkName: String { String(describing: self) }
    public var relativePath: String { rawValue }
}
