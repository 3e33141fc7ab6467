/// What one run of the Method of Equal Shares did, for outcomes and explanations.
struct MESRun: Sendable {
    /// One purchase.
    struct Purchase: Sendable {
        var project: Int
        /// Supporters who paid the full equal share.
        var fullPayers: Int
        /// The equal share each full payer paid (display approximation of an exact value).
        var payment: Double
        /// Supporters who could not pay the full share and gave all they had left (> 0).
        var partialPayers: Int
        var partialTotal: Double
        /// The price per unit of utility: payment / utility.
        var rho: Double
    }

    /// Purchases in order; zero-cost supported projects come first with no payment.
    var purchases: [Purchase] = []
    /// The supporters' remaining budget total for every project, at the end of the run.
    var supportersBudgetAtEnd: [Double] = []

    var selected: [Int] { purchases.map(\.project) }

    /// A run that starts by buying, for nothing, every candidate that costs nothing; the other candidates remain.
    static func start(_ profile: PBProfile) -> (run: MESRun, remaining: [Int]) {
        var run = MESRun()
        var remaining: [Int] = []
        for project in profile.candidates {
            if profile.costs[project] == 0 {
                if profile.excluder(of: project, among: run.selected) != nil { continue }
                run.purchases.append(.init(project: project, fullPayers: 0, payment: 0, partialPayers: 0,
                                           partialTotal: 0, rho: 0))
            } else {
                remaining.append(project)
            }
        }
        return (run, remaining)
    }

    /// Whether every project that someone supports (`candidates` of them) is bought or excluded by one bought.
    func isComplete(_ profile: PBProfile, candidates: Int) -> Bool {
        guard profile.hasGroups else { return purchases.count >= candidates }
        let bought = Set(selected)
        return !profile.candidates.contains { !bought.contains($0) && profile.excluder(of: $0, among: selected) == nil }
    }

    func totalCost(_ profile: PBProfile) -> Int64 {
        purchases.reduce(0) { $0 + profile.costs[$1.project] }
    }
}
