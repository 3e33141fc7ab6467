import Fluent
import Vapor

/// Sign-up without telling anyone which addresses have an account.
///
/// Whether the address is new or taken, the form answers the same page ("we have sent you a message"), after
/// the same work (one password hash), and the address's owner gets the mail: a confirmation link for a new
/// account, or a note that someone tried to sign up again (with the sign-in and reset links) for a taken one.
extension Accounts {
    /// Throws only `ValidationFailure` for the input's own faults, never for the address being taken.
    static func signUp(_ input: SignUp, on db: any Database, passwords: Passwords, mail: Messaging, now: Date)
        async throws
    {
        let errors = validate(input)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let email = User.normalize(email: input.email)
        let hash = try await passwords.hash(input.password)
        try await db.transaction { tx in
            if let existing = try await User.query(on: tx).filter(\.$email == email).first() {
                guard existing.erasedAt == nil else { return }
                let language = existing.preferredLanguage
                let signIn = mail.baseURL + SiteURL.signIn.path(in: language)
                let forgot = mail.baseURL + SiteURL.forgotPassword.path(in: language)
                try await Outbox.enqueue(
                    to: email, subject: mail.catalog.text("mail.sign_up_again.subject", in: language),
                    body: mail.catalog.text("mail.sign_up_again.body", in: language,
                                            arguments: [existing.displayName, signIn, forgot]),
                    kind: "sign_up_again", on: tx, at: now)
                return
            }
            let user = try await insert(input, email: email, hash: hash, roles: [.citizen], confirmed: false, actor: nil,
                                        on: tx, now: now)
            try await sendConfirmation(to: user, mail: mail, on: tx, now: now)
        }
    }

    /// Queues the mail with a confirmation link (new account, or a sign-in before confirming).
    static func sendConfirmation(to user: User, mail: Messaging, on tx: any Database, now: Date) async throws {
        let language = user.preferredLanguage
        let token = try await AccountLinks.issue(.emailConfirmation, for: try user.requireID(), on: tx, now: now)
        let link = mail.baseURL + SiteURL.confirmEmail.path(in: language) + "?token=" + OutboxMessage.secretMarker
        try await Outbox.enqueue(
            to: user.email, subject: mail.catalog.text("mail.confirm.subject", in: language),
            body: mail.catalog.text("mail.confirm.body", in: language, arguments: [user.displayName, link]),
            kind: "email_confirmation",
            secret: (token, now.addingTimeInterval(AccountToken.Purpose.emailConfirmation.lifetime)), on: tx, at: now)
    }

    /// Spends a confirmation link: the account, now confirmed, or nil for an unknown, used or expired link.
    static func confirm(token: String, on db: any Database, now: Date) async throws -> User? {
        try await db.transaction { tx in
            guard let userID = try await AccountLinks.spend(.emailConfirmation, token: token, on: tx, now: now),
                  let user = try await User.find(userID, on: tx), user.erasedAt == nil else { return nil }
            if user.emailConfirmedAt == nil {
                user.emailConfirmedAt = now
                try await user.save(on: tx)
                try await AuditLog.record(on: tx, actor: AuditActor(userID: userID), action: "user.email_confirmed",
                                          subjectType: "user", subjectID: userID.uuidString, at: now)
            }
            return user
        }
    }
}
