/// The sign-up form (`display_name`, `email`, `password`, `password_confirmation`, `language`).
struct SignUpForm: Decodable {
    var displayName: String?
    var email: String?
    var password: String?
    var passwordConfirmation: String?
    var language: String?

    func input(defaultLanguage: SiteLanguage) -> Accounts.SignUp {
        Accounts.SignUp(displayName: displayName ?? "", email: email ?? "", password: password ?? "",
                        passwordConfirmation: passwordConfirmation ?? "",
                        language: language.flatMap(SiteLanguage.init(rawValue:)) ?? defaultLanguage)
    }
}
