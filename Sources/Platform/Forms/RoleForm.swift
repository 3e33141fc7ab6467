/// A role granted or revoked on the people page: `role`, and `change` (`grant` or `revoke`).
struct RoleForm: Decodable {
    var role: String?
    var change: String?
}
