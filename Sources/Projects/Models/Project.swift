import Fluent
import Platform
import Vapor

/// A social and solidarity economy project of a member association.
public final class Project: Model, @unchecked Sendable {
    public static let schema = "projects"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    // data fields
    @Field(key: "slug") public var slug: String
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "title") public var title: Translated
    @Field(key: "summary") public var summary: Translated
    @Field(key: "social_need") public var socialNeed: Translated
    @Field(key: "beneficiaries") public var beneficiaries: String
    @Field(key: "domain_code") public var domainCode: String
    @Field(key: "wilaya_code") public var wilayaCode: String
    @Field(key: "budget_minor") public var budgetMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "funding") public var funding: [FundingSource]
    @Field(key: "partners") public var partners: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "expected_jobs") public var expectedJobs: Int
    @Enum(key: "state") public var state: ProjectState
    @OptionalField(key: "created_by") public var createdBy: UUID?
    /// Set when another room made the project: `proposal` (a citizens' proposal), its id and title.
    @OptionalField(key: "origin_kind") public var originKind: String?
    @OptionalField(key: "origin_id") public var originID: UUID?
    @OptionalField(key: "origin_title") public var originTitle: String?

    public init() {}
}

/// Figures split by a dimension: `{"sex": {"f": 3, "m": 4}, "age_group": {…}}`.
public typealias Breakdown = [String: [String: Double]]

extension Project: SlugAddressed {
    public static var slugField: KeyPath<Project, FieldProperty<Project, String>> { \.$slug }
}
