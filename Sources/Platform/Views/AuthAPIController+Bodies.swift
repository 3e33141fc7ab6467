import Fluent
import Vapor

/// The request and response bodies of AuthAPIController.
extension AuthAPIController {
    struct TokenRequest: Content {
        var email: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType: String
        var expiresAt: Date
        var user: MeResponse
    }

    struct MeResponse: Content {
        var id: UUID
        var email: String
        var displayName: String
        var language: String
        var roles: [String]
        var permissions: [String]

        init(_ user: CurrentUser) {
            id = user.id
            email = user.email
            displayName = user.displayName
            language = user.language.rawValue
            roles = user.roles.map(\.rawValue).sorted()
            permissions = Permission.allCases.filter(user.may).map(\.rawValue)
        }
    }
}
