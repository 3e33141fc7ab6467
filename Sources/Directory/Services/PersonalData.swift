import Fluent
import Platform
import SQLKit
import Vapor

public enum PersonalData {
    /// Everything about `user`, texts in the reader's language; `sections` are the rooms' (`app.personalData`).
    public static func export(
        for user: CurrentUser, sections: [PersonalDataSection], reader: Reader, _ context: ServiceContext
    ) async throws -> PersonalDataExport {
        let db = context.db
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
                message: reader.catalog.sentence($0.messageKey, in: reader.language, arguments: $0.arguments),
                link: $0.link, createdAt: $0.createdAt)
        }
        var contributions: [String: PersonalDataSection.Rows] = [:]
        for section in sections {
            contributions[section.name] = try await section.export(user.id, db, reader.language)
        }
        let mail = try await OutboxMessage.query(on: db).filter(\.$recipient == account.email).sort(\.$createdAt).all()
            .map { message -> [String: String] in
                ["subject": message.subject, "kind": message.kind, "status": message.status.rawValue,
                 "created_at": message.createdAt?.iso8601 ?? "",
                 "body": message.body.replacingOccurrences(of: OutboxMessage.secretMarker, with: "…")]
            }
        return PersonalDataExport(
            exportedAt: context.now,
            account: .init(id: user.id, email: account.email, displayName: account.displayName,
                           language: account.preferredLanguage.rawValue, roles: user.roles.map(\.rawValue).sorted(),
                           createdAt: account.createdAt),
            profile: profile, representing: representing, applications: applications, notifications: notifications,
            contributions: contributions, mail: mail)
    }

    /// Removes a person's identity: e-mail, name, password, roles, tokens, every session, one-time links, mail
    /// to their address, attempt counters, profile, notifications, and — through each room's section — their
    /// name on what they wrote (shown from then on as "former member"). The account row stays (anonymous) so
    /// that reports, measurements, ballots and endorsements keep counting; the audit log only held the id.
    /// The caller ends the request's own session (the rows of every session are gone already).
    public static func erase(_ user: CurrentUser, sections: [PersonalDataSection], _ context: ServiceContext) async throws {
        try await context.db.transaction { tx in
            guard let account = try await User.find(user.id, on: tx) else { return }
            try await Accounts.forget(userID: user.id, email: account.email, on: tx)
            for section in sections {
                try await section.erase(user.id, tx)
            }
            account.email = "erased-\(user.id.uuidString.lowercased())@invalid"
            account.displayName = ""
            account.passwordHash = "!"
            account.erasedAt = context.now
            try await account.save(on: tx)
            try await UserRole.query(on: tx).filter(\.$user.$id == user.id).delete()
            try await UserNotification.query(on: tx).filter(\.$user.$id == user.id).delete()
            if let person = try await Person.query(on: tx).filter(\.$userID == user.id).first(), let personID = person.id {
                try await OrganizationRepresentative.query(on: tx).filter(\.$personID == personID).delete()
                try await PersonExpertise.query(on: tx).filter(\.$personID == personID).delete()
                try await PersonSearchIndex.remove(personID, on: tx)
                person.displayName = ""
                person.title = nil
                person.sex = nil
                person.bio = nil
                person.contactEmail = nil
                person.wilayaCode = nil
                person.isPublic = false
                person.consentedAt = nil
                person.erasedAt = context.now
                try await person.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "user.erased", subjectType: "user",
                                      subjectID: user.id.uuidString, at: context.now)
        }
    }
}
