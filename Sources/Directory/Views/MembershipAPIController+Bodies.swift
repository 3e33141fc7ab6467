import Fluent
import Platform
import Vapor

/// The request and response bodies of MembershipAPIController.
extension MembershipAPIController {
    struct ChecklistInput: Content {
        var items: [String: Bool]
        var note: String?
    }
}
