import Fluent
import Platform
import Vapor

/// An association's request for an expert's help in a domain.
public final class ExpertiseRequest: Model, @unchecked Sendable {
    public static let schema = "expertise_requests"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @OptionalField(key: "project_id") public var projectID: UUID?
    @Field(key: "domain_code") public var domainCode: String
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @Field(key: "language") public var language: String
    @Field(key: "subject") public var subject: String
    @Field(key: "description") public var details: String
    @Enum(key: "state") public var state: ExpertiseRequestState
    @OptionalField(key: "expert_id") public var expertID: UUID?
    @OptionalField(key: "feedback") public var feedback: String?
    @OptionalField(key: "rating") public var rating: Int?
    @Field(key: "requested_by") public var requestedBy: String
    @OptionalField(key: "requested_by_user_id") public var requestedByUserID: UUID?
    @Field(key: "requested_at") public var requestedAt: Date

    public init() {}
}
