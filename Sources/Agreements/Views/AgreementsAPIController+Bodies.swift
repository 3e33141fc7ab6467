import Fluent
import Platform
import Vapor

/// The request and response bodies of AgreementsAPIController.
extension AgreementsAPIController {
    struct TransitionInput: Content {
        var action: String
        var reason: String?
    }

    struct ListItem: Content {
        let id: UUID
        let slug: String
        let kind: String
        let title: Translated
        let state: String
    }
}
