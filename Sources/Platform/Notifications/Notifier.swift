import Fluent
import Vapor

/// Tells people about something: in the app, and by e-mail in their own language.
public enum Notifier {
    /// `messageKey` names a catalog entry with `{1}`… placeholders; `link` is a path after the language prefix.
    /// `localized` texts (a project's title…) follow `arguments`, each in the recipient's language.
    /// `unsubscribe` gives, per recipient, the path (after the language prefix) of a one-click link that stops
    /// such messages; the mail ends with it.
    public static func notify(
        userIDs: [UUID], messageKey: String, arguments: [String], localized: [Translated] = [], link: String,
        unsubscribe: [UUID: String] = [:], on db: any Database, catalog: Catalog, baseURL: String, at date: Date
    ) async throws {
        guard !userIDs.isEmpty else { return }
        let users = try await User.query(on: db).filter(\.$id ~~ userIDs).filter(\.$erasedAt == nil).all()
        for user in users {
            let notification = UserNotification()
            notification.$user.id = try user.requireID()
            notification.messageKey = messageKey
            let language = user.preferredLanguage
            let arguments = arguments + localized.map { $0.resolve(in: language).text }
            notification.arguments = arguments
            notification.link = link
            try await notification.create(on: db)
            let text = catalog.sentence(messageKey, in: language, arguments: arguments)
            let url = baseURL + "/" + language.rawValue + "/" + link
            var body = catalog.text("mail.notification.body", in: language, arguments: [user.displayName, text, url])
            if let stop = unsubscribe[try user.requireID()] {
                body += "\n\n" + catalog.text("mail.notification.unsubscribe", in: language,
                                               arguments: [baseURL + "/" + language.rawValue + "/" + stop])
            }
            try await Outbox.enqueue(
                to: user.email, subject: catalog.text("mail.notification.subject", in: language),
                body: body, kind: "notification", on: db, at: date)
        }
    }

    /// Everyone holding one of these roles.
    public static func users(withAnyOf roles: [Role], on db: any Database) async throws -> [UUID] {
        try await UserRole.query(on: db).filter(\.$role ~~ roles).all().map(\.$user.id).uniqued()
    }
}
