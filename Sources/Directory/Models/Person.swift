import Fluent
import Platform
import Vapor

/// What kind of knowledge a person brings.
public enum PersonProfileKind: String, CaseIterable, Codable, Sendable {
    case member, expert, academic, specialist
}

/// How available an expert is for requests.
public enum Availability: String, CaseIterable, Codable, Sendable {
    case available, limited, unavailable
}

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

/// Fields of expertise of a person.
public final class PersonExpertise: Model, @unchecked Sendable {
    public static let schema = "person_expertise"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "domain_code") public var domainCode: String

    public init() {}

    public init(personID: UUID, domainCode: String) {
        self.personID = personID
        self.domainCode = domainCode
    }
}

/// The role a person holds in an organisation's governing body.
public enum RepresentativeRole: String, CaseIterable, Codable, Sendable {
    case president
    case vicePresident = "vice_president"
    case secretaryGeneral = "secretary_general"
    case treasurer
    case representative
}

/// A person who represents an organisation (and may act for it on the platform).
public final class OrganizationRepresentative: Model, @unchecked Sendable {
    public static let schema = "organization_representatives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Enum(key: "role") public var role: RepresentativeRole
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organizationID: UUID, personID: UUID, role: RepresentativeRole) {
        self.organizationID = organizationID
        self.personID = personID
        self.role = role
    }
}
