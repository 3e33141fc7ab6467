import Fluent
import Platform
import Vapor

/// An organisation's application to join a network, reviewed against a published checklist.
public final class MembershipApplication: Model, @unchecked Sendable {
    public static let schema = "membership_applications"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "network_id") public var networkID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @OptionalField(key: "applicant_user_id") public var applicantUserID: UUID?
    @Enum(key: "state") public var state: ApplicationState
    @Field(key: "motivation") public var motivation: String
    @OptionalField(key: "accreditation_number") public var accreditationNumber: String?
    @OptionalField(key: "accreditation_date") public var accreditationDate: String?
    /// Domain codes the organisation declares, comma-separated.
    @Field(key: "domains") public var domains: String
    @Field(key: "references_text") public var references: String
    /// Checklist item code → satisfied, as the reviewer recorded it.
    @Field(key: "checklist") public var checklist: [String: Bool]
    @OptionalField(key: "checklist_note") public var checklistNote: String?
    @OptionalField(key: "decision_reason") public var decisionReason: String?

    public init() {}
}
