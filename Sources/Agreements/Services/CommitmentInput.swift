import Directory
import Fluent
import Platform
import Vapor

/// A commitment as `POST /api/v1/agreements/{id}/commitments` submits it.
public struct CommitmentInput: Content, Sendable {
    public var ownerID: UUID?
    public var description: Translated?
    public var dueOn: String?
    public var strategyObjectiveID: UUID?
}
