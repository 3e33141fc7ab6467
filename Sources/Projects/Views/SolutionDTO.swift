import Directory
import Fluent
import Platform
import Vapor

public struct SolutionDTO: Content {
    public let id: UUID
    public let description: String
    public let costMinor: Int64
    public let durationDays: Int
    public let proposer: String
    public let proposedAt: Date
    public let chosen: Bool
}
