import Fluent
import Foundation
import Platform

/// A guide or document of the resource library: a link, or an uploaded file (an attachment of owner type
/// `resource`), tagged by domain and language. `searchText` holds its normalised words for `ArabicText` search.
public final class LibraryResource: Model, @unchecked Sendable {
    public static let schema = "capacity_resources"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Field(key: "language") public var language: String
    @Field(key: "domain_code") public var domainCode: String
    @OptionalField(key: "url") public var url: String?
    @OptionalField(key: "attachment_id") public var attachmentID: UUID?
    @Field(key: "search_text") public var searchText: String
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var textLanguage: SiteLanguage { SiteLanguage(rawValue: language) ?? .default }
}
