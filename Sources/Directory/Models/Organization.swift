import Fluent
import Platform
import Vapor

/// An organisation of any kind: association, network, observatory, public institution, company…
public final class Organization: Model, @unchecked Sendable {
    public static let schema = "organizations"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Enum(key: "kind") public var kind: OrganizationKind
    @Field(key: "name") public var name: Translated
    @Field(key: "description") public var summary: Translated
    /// Sort key: the normalised name in the author's language, so lists order as readers expect.
    @Field(key: "sort_name") public var sortName: String
    @OptionalField(key: "acronym") public var acronym: String?
    @OptionalField(key: "accreditation_number") public var accreditationNumber: String?
    /// ISO date `YYYY-MM-DD`.
    @OptionalField(key: "accreditation_date") public var accreditationDate: String?
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @OptionalField(key: "commune") public var commune: String?
    @OptionalField(key: "address") public var address: String?
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "website") public var website: String?
    /// ISO date `YYYY-MM-DD`.
    @OptionalField(key: "founded_on") public var foundedOn: String?
    /// Registered by a person: `pending` until staff verify it; created by staff or imported: `verified`.
    @Enum(key: "verification") public var verification: OrganizationVerification
    @OptionalField(key: "registered_by_user_id") public var registeredByUserID: UUID?
    /// Why staff refused the registration (what to correct before asking again).
    @OptionalField(key: "verification_note") public var verificationNote: String?

    public init() {}

    public init(slug: String, kind: OrganizationKind, name: Translated, summary: Translated, wilayaCode: String?) {
        self.slug = slug
        self.kind = kind
        self.name = name
        self.summary = summary
        self.wilayaCode = wilayaCode
        self.sortName = ""
        self.verification = .verified
    }
}

extension Organization: SlugAddressed {
    public static var slugField: KeyPath<Organization, FieldProperty<Organization, String>> { \.$slug }
}
