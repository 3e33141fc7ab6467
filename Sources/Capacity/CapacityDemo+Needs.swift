import Directory
import Fluent
import Platform
import Vapor

extension CapacityDemo {
    /// Needs declared this year by four member associations (two answered by the workshop next week), and two years
    /// of self-assessments of the same four: finances weak last year, better this year where the training helped.
    static func needsAndAssessments(fullWorkshop: CapacityEvent, now: Date, on db: any Database) async throws {
        let year = Needs.year(of: now)
        let organizations = try await Organization.query(on: db).filter(\.$slug ~~ attendees.map(\.organization)).all()
        let needs: [(slug: String, domain: String, dimension: CapacityDimension?, text: String, people: Int)] = [
            ("tadamoun-batna", "sse.finance", .finances, "مسك الحسابات وإعداد التقرير المالي السنوي.", 3),
            ("nour-women-ghardaia", "sse.finance", .finances, "إعداد ميزانية تقديرية لمشروع النسيج.", 2),
            ("green-oasis-biskra", "democracy.capacity", .governance, "تنظيم الجمعية العامة وتجديد الهيئات.", 2),
            ("atlas-crafts-tlemcen", "sse.entrepreneurship", .projectManagement, "تحديد مؤشرات المتابعة لمشاريع الحرف.", 4),
        ]
        // Levels last year, then this year, in the grid's order.
        let levels: [String: ([Int], [Int])] = [
            "tadamoun-batna": ([3, 1, 2, 2, 3, 2], [3, 2, 3, 2, 3, 3]),
            "nour-women-ghardaia": ([2, 1, 2, 1, 2, 2], [3, 2, 2, 2, 2, 3]),
            "green-oasis-biskra": ([1, 2, 2, 2, 1, 1], [2, 2, 3, 2, 2, 2]),
            "atlas-crafts-tlemcen": ([2, 2, 1, 2, 3, 2], [2, 3, 2, 2, 3, 3]),
        ]
        for (index, item) in needs.enumerated() {
            guard let organization = organizations.first(where: { $0.slug == item.slug }), let id = organization.id else {
                continue
            }
            let need = TrainingNeed()
            (need.organizationID, need.domainCode, need.dimension) = (id, item.domain, item.dimension)
            (need.wilayaCode, need.details, need.people) = (organization.wilayaCode, item.text, item.people)
            (need.year, need.createdAt) = (year, now.addingTimeInterval(-Double(20 - index) * 86_400))
            try await need.create(on: db)
            if item.domain == "sse.finance" {
                try await EventNeed(eventID: try fullWorkshop.requireID(), needID: try need.requireID()).create(on: db)
            }
            guard let (before, after) = levels[item.slug] else { continue }
            for (offset, values) in [(1, before), (0, after)] {
                let assessment = CapacityAssessment()
                (assessment.organizationID, assessment.year) = (id, year - offset)
                for (dimension, level) in zip(CapacityDimension.allCases, values) { assessment.set(dimension, level) }
                assessment.createdAt = now.addingTimeInterval(-Double(offset * 365 + 30) * 86_400)
                assessment.updatedAt = assessment.createdAt
                try await assessment.create(on: db)
            }
        }
    }
}
