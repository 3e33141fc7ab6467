import Fluent
import Platform
import Vapor

/// The request and response bodies of MembershipAPIController.
extension MembershipAPIController {
    struct TransitionInput: Content {
        var action: String
        var reason: String?
    }

    struct ChecklistInput: Content {
        var items: [String: Bool]
        var note: String?
    }
}
