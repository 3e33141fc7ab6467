import Vapor

/// The API body of a step in any workflow: `{"action": "...", "reason": "..."}` (+ `expert_id`, `rating` for expertise).
public struct StepInput: Content, Sendable {
    public var action: String?
    public var reason: String?
    public var expertID: UUID?
    public var rating: Int?
}
