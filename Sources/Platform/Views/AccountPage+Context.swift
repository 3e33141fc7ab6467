import Fluent
import Vapor

/// The page contexts of AccountController.
extension AccountController {
    struct Context: Encodable {
        let page: PageMeta
        let name: String
        let email: String
        let roles: [String]
        let welcome: Bool
    }
}
