/// A role granted or revoked on the people page: `role`, `change` (`grant` or `revoke`), and `confirmed` once a
/// revocation was confirmed on its second page.
struct RoleForm: Decodable {
    var role: String?
    var change: String?
    var confirmed: String?
}
