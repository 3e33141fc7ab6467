/// The forms of a one-time link: `token`, and for a reset `password` and `password_confirmation`; the
/// forgotten-password form sends `email` only.
struct PasswordForm: Decodable {
    var email: String?
    var token: String?
    var password: String?
    var passwordConfirmation: String?
}
