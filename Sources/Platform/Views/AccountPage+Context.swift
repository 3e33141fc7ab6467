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
        /// The password was printed by `create-admin`: the page asks for one's own first.
        let mustChangePassword: Bool
        let passwordChanged: Bool
        let passwordForm: FormState
    }
}
