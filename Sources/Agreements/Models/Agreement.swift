import Fluent
import Platform
import Vapor

/// A partnership agreement between organisations, followed up in public.
public final class Agreement: Model, @unchecked Sendable {
    public static let schema = "agreements"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Enum(key: "kind") public var kind: AgreementKind
    @Field(key: "title") public var title: Translated
    @Field(key: "summary") public var summary: Translated
    /// ISO dates `YYYY-MM-DD`; unknown dates stay empty rather than invented.
    @OptionalField(key: "signed_on") public var signedOn: String?
    @OptionalField(key: "signing_place") public var signingPlace: Translated?
    @OptionalField(key: "starts_on") public var startsOn: String?
    @OptionalField(key: "ends_on") public var endsOn: String?
    @Enum(key: "state") public var state: AgreementState

    public init() {}
}

extension Agreement: SlugAddressed {
    public static var slugField: KeyPath<Agreement, FieldProperty<Agreement, String>> { \.$slug }
}
