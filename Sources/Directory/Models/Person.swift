import Fluent
import Platform
import Vapor

/// A person in the directory: a profile, optionally tied to an account, public only with consent.
public final class Person: Model, @unchecked Sendable {
    public static let schema = "people"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "display_name") public var displayName: String
    @Enum(key: "profile_kind") public var kind: PersonProfileKind
    /// Given by the person or not (nil): labels about them agree with it (خبيرة, experte).
    @OptionalEnum(key: "sex") public var sex: PersonSex?
    @OptionalField(key: "title") public var title: String?
    @OptionalField(key: "bio") public var bio: String?
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    /// Languages the person works in: `ar`, `fr`, `en`, `tzm` (Tamazight)… comma-separated.
    @Field(key: "languages") public var languages: String
    @Enum(key: "availability") public var availability: Availability
    @OptionalField(key: "contact_email") public var contactEmail: String?
    /// The profile is visible to the public only when the person has consented.
    @Field(key: "public_profile") public var isPublic: Bool
    @OptionalField(key: "consented_at") public var consentedAt: Date?
    @OptionalField(key: "erased_at") public var erasedAt: Date?

    public init() {}

    public var languageList: [String] {
        languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
