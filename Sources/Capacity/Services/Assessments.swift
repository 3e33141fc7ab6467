import Directory
import Fluent
import Platform
import Vapor

/// A self-assessment as `POST /api/v1/assessments` and the grid's form give it: a level from 1 to 4 for each
/// dimension (`levels`: `{"governance": 3, …}`).
public struct AssessmentInput: Content, Sendable {
    public var organizationID: UUID?
    public var levels: [String: Int]?

    public init(organizationID: UUID? = nil, levels: [String: Int]? = nil) {
        (self.organizationID, self.levels) = (organizationID, levels)
    }
}

/// The yearly self-assessment: an association's representatives rate it on the fixed grid once a year (changing it
/// within the year); the association sees its profile over the years and the dimensions where training would help;
/// the network sees only anonymous averages, for groups of at least ``minimumGroup`` associations.
public enum Assessments {
    public static let minimumGroup = 3
    /// A level at or below this suggests a training need.
    public static let weakLevel = 2

    /// An anonymous average: per dimension, over the associations of a group.
    public struct Aggregate: Content, Sendable {
        public let year: Int
        public let associations: Int
        /// Dimension → mean level (one decimal), empty when the group is too small to stay anonymous.
        public let means: [String: Double]
        public let suppressed: Bool
    }

    public static func save(_ input: AssessmentInput, by user: CurrentUser, _ context: ServiceContext) async throws
        -> CapacityAssessment
    {
        var errors: [FieldError] = []
        var organization: Organization?
        if let id = input.organizationID {
            organization = try await Organization.find(id, on: context.db)
            if organization == nil { errors.append(FieldError("organization_id", "validation.invalid_choice")) }
        } else {
            errors.append(FieldError("organization_id", "validation.required"))
        }
        var levels: [CapacityDimension: Int] = [:]
        for dimension in CapacityDimension.allCases {
            guard let level = input.levels?[dimension.rawValue] else {
                errors.append(FieldError("levels." + dimension.rawValue, "assessment.validation.level"))
                continue
            }
            if !(1...4).contains(level) { errors.append(FieldError("levels." + dimension.rawValue, "assessment.validation.level")) }
            levels[dimension] = level
        }
        if let unknown = input.levels?.keys.first(where: { CapacityDimension(rawValue: $0) == nil }) {
            errors.append(FieldError("levels." + unknown, "validation.invalid_choice"))
        }
        guard errors.isEmpty, let organization else { throw ValidationFailure(errors) }
        try await OrganizationPolicy.requireActing(for: organization, user, on: context.db)
        let organizationID = try organization.requireID()
        let year = Needs.year(of: context.now)
        let chosen = levels
        return try await context.db.transaction { tx in
            let assessment = try await CapacityAssessment.query(on: tx).filter(\.$organizationID == organizationID)
                .filter(\.$year == year).first() ?? CapacityAssessment()
            if assessment.id == nil {
                (assessment.organizationID, assessment.year, assessment.createdAt) = (organizationID, year, context.now)
                assessment.createdBy = user.id
            }
            for (dimension, level) in chosen { assessment.set(dimension, level) }
            assessment.updatedAt = context.now
            try await assessment.save(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "assessment.saved",
                                      subjectType: "organization", subjectID: organizationID.uuidString,
                                      details: ["year": "\(year)"], at: context.now)
            return assessment
        }
    }

    /// An association's assessments, oldest year first.
    public static func profile(_ organizationID: UUID, on db: any Database) async throws -> [CapacityAssessment] {
        try await CapacityAssessment.query(on: db).filter(\.$organizationID == organizationID).sort(\.$year).all()
    }

    /// The dimensions of the latest assessment at or below ``weakLevel``: where training would help most.
    public static func weak(_ assessment: CapacityAssessment?) -> [CapacityDimension] {
        guard let assessment else { return [] }
        return CapacityDimension.allCases.filter { assessment.level($0) <= weakLevel }
    }

    /// The network's averages for a year, over the associations of a wilaya or a domain (or all).
    public static func aggregate(year: Int, wilayaCode: String?, domainCode: String?, on db: any Database) async throws
        -> Aggregate
    {
        var rows = try await CapacityAssessment.query(on: db).filter(\.$year == year).all()
        if wilayaCode != nil || domainCode != nil {
            var organizations = Organization.query(on: db).filter(\.$id ~~ rows.map(\.organizationID))
            if let wilayaCode { organizations = organizations.filter(\.$wilayaCode == wilayaCode) }
            var kept = Set(try await organizations.all().compactMap(\.id))
            if let domainCode {
                kept.formIntersection(try await OrganizationDomain.query(on: db).filter(\.$domainCode == domainCode)
                    .filter(\.$organizationID ~~ kept).all().map(\.organizationID))
            }
            rows = rows.filter { kept.contains($0.organizationID) }
        }
        guard rows.count >= minimumGroup else {
            return Aggregate(year: year, associations: rows.count, means: [:], suppressed: !rows.isEmpty)
        }
        var means: [String: Double] = [:]
        for dimension in CapacityDimension.allCases {
            let total = rows.map { Double($0.level(dimension)) }.reduce(0, +)
            means[dimension.rawValue] = (total / Double(rows.count) * 10).rounded() / 10
        }
        return Aggregate(year: year, associations: rows.count, means: means, suppressed: false)
    }
}
