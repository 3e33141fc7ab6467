import Fluent
import Platform
import SQLKit
import Vapor

/// Everything the platform holds about a person, as one JSON document they can download.
public struct PersonalDataExport: Content {
    struct Account: Content {
        let id: UUID
        let email: String
        let displayName: String
        let language: String
        let roles: [String]
        let createdAt: Date?
        enum CodingKeys: String, CodingKey {
            case id, email, language, roles, displayName = "display_name", createdAt = "created_at"
        }
    }

    struct NotificationItem: Content {
        let message: String
        let link: String
        let createdAt: Date?
        enum CodingKeys: String, CodingKey { case message, link, createdAt = "created_at" }
    }

    let exportedAt: Date
    let account: Account
    let profile: PersonDTO?
    let representing: [String]
    let applications: [ApplicationDTO]
    let notifications: [NotificationItem]

    enum CodingKeys: String, CodingKey {
        case account, profile, representing, applications, notifications, exportedAt = "exported_at"
    }
}

public enum PersonalData {
    public static func export(for user: CurrentUser, on req: Request) async throws -> PersonalDataExport {
        let db = req.db
        guard let account = try await User.find(user.id, on: db) else { throw PlatformError.signInRequired }
        let person = try await Person.query(on: db).filter(\.$userID == user.id).first()
        var profile: PersonDTO?
        if let person, let id = person.id {
            profile = try PersonDTO(person, expertise: try await PeopleService.expertise(of: [id], on: db)[id] ?? [])
        }
        let representing = try await Representation.organizations(of: user.id, on: db).map(\.slug)
        let applications = try await MembershipApplication.query(on: db).filter(\.$applicantUserID == user.id).all()
            .asyncMap { try await ApplicationDTO.load($0, for: user, on: db) }
        let notifications = try await UserNotification.query(on: db).filter(\.$user.$id == user.id).all().map {
            PersonalDataExport.NotificationItem(
                message: req.application.catalog.text($0.messageKey, in: req.language, arguments: $0.arguments),
                link: $0.link, createdAt: $0.createdAt)
        }
        return PersonalDataExport(
            exportedAt: req.now,
            account: .init(id: user.id, email: account.email, displayName: account.displayName,
                           language: account.preferredLanguage.rawValue, roles: user.roles.map(\.rawValue).sorted(),
                           createdAt: account.createdAt),
            profile: profile, representing: representing, applications: applications, notifications: notifications)
    }

    /// Removes a person's identity: e-mail, name, password, roles, tokens, sessions, profile, notifications.
    /// The account row stays (anonymous) so that ballots, endorsements and other anonymous contributions it
    /// made keep counting; the audit log only ever held the account id.
    public static func erase(_ user: CurrentUser, on req: Request) async throws {
        try await req.db.transaction { tx in
            guard let account = try await User.find(user.id, on: tx) else { return }
            account.email = "erased-\(user.id.uuidString.lowercased())@invalid"
            account.displayName = ""
            account.passwordHash = "!"
            account.erasedAt = req.now
            try await account.save(on: tx)
            try await UserRole.query(on: tx).filter(\.$user.$id == user.id).delete()
            try await APIToken.query(on: tx).filter(\.$user.$id == user.id).delete()
            try await PasswordReset.query(on: tx).filter(\.$user.$id == user.id).delete()
            try await UserNotification.query(on: tx).filter(\.$user.$id == user.id).delete()
            if let person = try await Person.query(on: tx).filter(\.$userID == user.id).first(), let personID = person.id {
                try await OrganizationRepresentative.query(on: tx).filter(\.$personID == personID).delete()
                try await PersonExpertise.query(on: tx).filter(\.$personID == personID).delete()
                person.displayName = ""
                person.title = nil
                person.bio = nil
                person.contactEmail = nil
                person.wilayaCode = nil
                person.isPublic = false
                person.consentedAt = nil
                person.erasedAt = req.now
                try await person.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "user.erased", subjectType: "user",
                                      subjectID: user.id.uuidString, at: req.now)
        }
        req.endSignedInSession()
    }
}
