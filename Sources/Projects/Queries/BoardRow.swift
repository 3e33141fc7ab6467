import Fluent
import Foundation
import Platform
import Vapor

public struct BoardRow: Content {
    public let id: UUID
    public let title: String
    public let category: String
    public let severity: String
    public let state: String
    public let projectSlug: String
    public let projectTitle: Translated
    public let wilayaCode: String
    public let reportedAt: Date
    public let ageDays: Int
    public let deadline: String?
    /// Decided, and the deadline has passed (computed when read; the worker escalates it).
    public let overdue: Bool

    init(_ difficulty: Difficulty, of project: Project, now: Date) throws {
        id = try difficulty.requireID()
        title = difficulty.title
        category = difficulty.category.rawValue
        severity = difficulty.severity.rawValue
        state = difficulty.state.rawValue
        projectSlug = project.slug
        projectTitle = project.title
        wilayaCode = project.wilayaCode
        reportedAt = difficulty.reportedAt
        ageDays = max(0, SafeNumber.integer((now.timeIntervalSince(difficulty.reportedAt) / 86_400).rounded(.down)) ?? 0)
        deadline = difficulty.decisionDeadline
        overdue = difficulty.isOverdue(on: now)
    }
}
