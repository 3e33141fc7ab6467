import Fluent
import NIOConcurrencyHelpers
import Vapor

/// What one room holds about a person: its part of the personal-data export, and what erasure does to it.
///
/// Rooms register their sections while configuring; the Directory's export and erasure run them all, so a
/// room added later cannot be forgotten by either.
public struct PersonalDataSection: Sendable {
    public typealias Rows = [[String: String]]

    /// The key of the section in the export (`project_reports`, `follow_ups`…).
    public let name: String
    /// The person's rows, as plain values, texts in `language`.
    public let export: @Sendable (_ userID: UUID, _ db: any Database, _ language: SiteLanguage) async throws -> Rows
    /// Runs inside the erasure's transaction: removes what names the person (their authorship becomes
    /// "former member"), keeps what counts (reports, measurements, ballots).
    public let erase: @Sendable (_ userID: UUID, _ db: any Database) async throws -> Void

    public init(
        name: String,
        export: @escaping @Sendable (_ userID: UUID, _ db: any Database, _ language: SiteLanguage) async throws -> Rows,
        erase: @escaping @Sendable (_ userID: UUID, _ db: any Database) async throws -> Void = { _, _ in }
    ) {
        self.name = name
        self.export = export
        self.erase = erase
    }
}
