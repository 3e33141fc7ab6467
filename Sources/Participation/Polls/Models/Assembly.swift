import Fluent
import Foundation
import Platform

/// An assembly of the network's member associations: its members (the network's active members when it was
/// called) with their weights, the delegations between them, and its motions (``Poll``s with `assemblyID`).
/// Delegations can be given and revoked until `closesAt`.
public final class Assembly: Model, @unchecked Sendable {
    public static let schema = "assemblies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "network_id") public var networkID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Field(key: "language") public var language: String
    @Enum(key: "weight_rule") public var weightRule: AssemblyWeightRule
    @Field(key: "opens_at") public var opensAt: Date
    @Field(key: "closes_at") public var closesAt: Date
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var textLanguage: SiteLanguage { SiteLanguage(rawValue: language) ?? .default }
}

/// One vote per member (`equal`), or the weight the network declares for each (`declared`, for example its number
/// of members).
public enum AssemblyWeightRule: String, CaseIterable, Codable, Sendable {
    case equal, declared
}

public final class AssemblyMember: Model, @unchecked Sendable {
    public static let schema = "assembly_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: "assembly_id") public var assemblyID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "weight") public var weight: Int

    public init() {}

    public init(assemblyID: UUID, organizationID: UUID, weight: Int) {
        self.assemblyID = assemblyID
        self.organizationID = organizationID
        self.weight = weight
    }
}

/// A member's vote entrusted to another member for the assembly's motions.
public final class AssemblyDelegation: Model, @unchecked Sendable {
    public static let schema = "assembly_delegations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "assembly_id") public var assemblyID: UUID
    @Field(key: "from_organization_id") public var fromID: UUID
    @Field(key: "to_organization_id") public var toID: UUID
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
