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
    }

    struct NotificationItem: Content {
        let message: String
        let link: String
        let createdAt: Date?
    }

    let exportedAt: Date
    let account: Account
    let profile: PersonDTO?
    let representing: [String]
    let applications: [ApplicationDTO]
    let notifications: [NotificationItem]
    /// What the person wrote or recorded in the other rooms (reports, difficulties, measurements…), by section.
    let contributions: [String: PersonalDataSection.Rows]
    /// Mail queued or sent to the person's address (one-time links are never included).
    let mail: [[String: String]]
}
