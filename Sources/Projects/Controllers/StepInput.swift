import Agreements
import Directory
import Fluent
import Platform
import Vapor

/// Step requests of every workflow: `{"action": "...", "reason": "..."}` (+ `expert_id`, `rating` for expertise).
struct StepInput: Content {
    var action: String?
    var reason: String?
    var expertID: UUID?
    var rating: Int?
}
