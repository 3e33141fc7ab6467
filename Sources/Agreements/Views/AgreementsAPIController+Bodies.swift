import Fluent
import Platform
import Vapor

/// The request and response bodies of AgreementsAPIController.
extension AgreementsAPIController {
    struct ListItem: Content {
        let id: UUID
        let slug: String
        let kind: String
        let title: Translated
        let state: String
    }
}
