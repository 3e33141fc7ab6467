/// The sign-in form: the API's token request (`email`, `password`) and where to go next.
struct SignInForm: Decodable {
    var email: String?
    var password: String?
    var next: String?
}
