import Fluent
import Platform
import Vapor

public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case frameworkAgreement = "framework_agreement"
    case convention
    case memorandum
}

public enum AgreementState: String, WorkflowState {
    case draft, signed, active, expired, terminated
}

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

/// An organisation party to an agreement.
public final class AgreementParty: Model, @unchecked Sendable {
    public static let schema = "agreement_parties"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "position") public var position: Int

    public init() {}

    public init(agreementID: UUID, organizationID: UUID, position: Int) {
        self.agreementID = agreementID
        self.organizationID = organizationID
        self.position = position
    }
}

/// Who signed, recorded by role (the platform records signatories by their function).
public final class Signatory: Model, @unchecked Sendable {
    public static let schema = "agreement_signatories"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "role_title") public var roleTitle: Translated

    public init() {}

    public init(agreementID: UUID, organizationID: UUID, roleTitle: Translated) {
        self.agreementID = agreementID
        self.organizationID = organizationID
        self.roleTitle = roleTitle
    }
}

/// One objective of an agreement, in order.
public final class AgreementObjective: Model, @unchecked Sendable {
    public static let schema = "agreement_objectives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "text") public var text: Translated

    public init() {}

    public init(agreementID: UUID, position: Int, text: Translated) {
        self.agreementID = agreementID
        self.position = position
        self.text = text
    }
}

/// A document of an agreement (the signed text, annexes), by link.
public final class AgreementDocument: Model, @unchecked Sendable {
    public static let schema = "agreement_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "title") public var title: Translated
    @Field(key: "url") public var url: String

    public init() {}
}

extension Agreement: SlugAddressed {
    public static var slugField: KeyPath<Agreement, FieldProperty<Agreement, String>> { \.$slug }
}
