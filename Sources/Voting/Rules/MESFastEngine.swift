/// The Method of Equal Shares with Double budgets whose every decision is certified exact.
///
/// Same rule as ``MESExactEngine``. A decision whose two sides differ by more than a relative
/// `tolerance` (far above the rounding error of the sums involved) is taken in Double. A closer
/// one is settled exactly when every voter involved still holds either their whole initial
/// share or nothing (then q = cost / full-budget supporters, an exact small fraction, which covers
/// the common case of equal supporter counts under cost utilities); otherwise ``run(initialShare:)``
/// returns nil and the caller reruns the exact engine. So the outcome never depends on rounding.
struct MESFastEngine {
    let profile: PBProfile
    let settings: MESSettings
    let tolerance = 1e-9

    private enum Status: UInt8 { case full, partial, empty }

    private var budgets: [Double]
    private var status: [Status]
    private var scratch: [Double]
    private var lowerBound: [Double]
    private let utilities: [Double]

    init(profile: PBProfile, settings: MESSettings) {
        self.profile = profile
        self.settings = settings
        budgets = Array(repeating: 0, count: profile.voterCount)
        status = Array(repeating: .full, count: profile.voterCount)
        scratch = Array(repeating: 0, count: profile.approvals.max() ?? 0)
        lowerBound = Array(repeating: 0, count: profile.projectCount)
        utilities = profile.costs.indices.map { Double(settings.utility(of: $0, in: profile)) }
    }

    struct Quote {
        var project: Int
        var share: Double
        var rho: Double
        /// Supporters still holding the whole initial share; `nil` if some hold part of it.
        var fullOnly: Int?
    }

    private enum Evaluation { case unaffordable, uncertain, quote(Quote) }

    /// Runs MES with every voter starting at `initialShare`; nil when a decision needs the exact engine.
    mutating func run(initialShare: ExactFraction) -> MESRun? {
        let share = initialShare.doubleValue
        for voter in budgets.indices {
            budgets[voter] = share
            status[voter] = .full
        }
        var (run, remaining) = MESRun.start(profile)
        for project in remaining {
            // Round one's rho is a lower bound for every later round: budgets only shrink.
            lowerBound[project] = Double(profile.costs[project]) / Double(profile.approvals[project]) / utilities[project]
        }
        while true {
            remaining.sort { lowerBound[$0] < lowerBound[$1] }
            var best: Quote?
            var dropped: [Int] = []
            for project in remaining {
                if let best, lowerBound[project] > best.rho * (1 + 2 * tolerance) { break }
                switch evaluate(project, initialShare: initialShare) {
                case .uncertain: return nil
                case .unaffordable: dropped.append(project)
                case .quote(let quote):
                    lowerBound[project] = quote.rho
                    guard let current = best else { best = quote; continue }
                    guard let cheaper = isCheaper(quote, than: current) else { return nil }
                    if cheaper { best = quote }
                }
            }
            remaining.removeAll { dropped.contains($0) }
            guard let best else { break }
            remaining.removeAll { $0 == best.project || profile.excludes($0, best.project) }
            guard let purchase = pay(best, initialShare: initialShare) else { return nil }
            run.purchases.append(purchase)
        }
        run.supportersBudgetAtEnd = profile.costs.indices.map { project in
            profile.supporters(of: project).reduce(0) { $0 + budgets[Int($1)] }
        }
        return run
    }

    private mutating func evaluate(_ project: Int, initialShare: ExactFraction) -> Evaluation {
        let cost = Double(profile.costs[project])
        var count = 0
        var total = 0.0
        var full = 0
        for voter in profile.supporters(of: project) {
            let voter = Int(voter)
            guard status[voter] != .empty else { continue }
            if status[voter] == .full { full += 1 }
            scratch[count] = budgets[voter]
            total += budgets[voter]
            count += 1
        }
        let fullOnly = full == count ? full : nil
        if total < cost * (1 - tolerance) { return .unaffordable }
        if total <= cost * (1 + tolerance) {
            guard let full = fullOnly else { return .uncertain }
            let held = Int128(full) * Int128(initialShare.numerator)
            if held < Int128(profile.costs[project]) * Int128(initialShare.denominator) { return .unaffordable }
        }
        var payers = count
        var poorTotal = 0.0
        var share = cost / Double(payers)
        while true {
            // Move supporters who cannot pay the share to the tail; what they hold is paid in full.
            var index = 0
            var moved = false
            while index < payers {
                if scratch[index] < share {
                    poorTotal += scratch[index]
                    payers -= 1
                    scratch.swapAt(index, payers)
                    moved = true
                } else {
                    index += 1
                }
            }
            guard moved, payers > 0 else { break }
            share = (cost - poorTotal) / Double(payers)
        }
        guard payers > 0 else { return .uncertain }
        return .quote(Quote(project: project, share: share, rho: share / utilities[project], fullOnly: fullOnly))
    }

    /// Whether `lhs` beats `rhs`; nil when too close to call without exact budgets.
    private func isCheaper(_ lhs: Quote, than rhs: Quote) -> Bool? {
        let gap = tolerance * max(lhs.rho, rhs.rho)
        if lhs.rho < rhs.rho - gap { return true }
        if lhs.rho > rhs.rho + gap { return false }
        guard let leftFull = lhs.fullOnly, let rightFull = rhs.fullOnly else { return nil }
        // Both shares are cost / full; rho = cost / (full · utility), compared by cross-multiplying.
        let left = exactRho(lhs.project, full: leftFull)
        let right = exactRho(rhs.project, full: rightFull)
        let lhsValue = left.numerator * right.denominator
        let rhsValue = right.numerator * left.denominator
        if lhsValue != rhsValue { return lhsValue < rhsValue }
        return settings.tieRanks[lhs.project] < settings.tieRanks[rhs.project]
    }

    private func exactRho(_ project: Int, full: Int) -> (numerator: Int128, denominator: Int128) {
        // Cost utility: (cost / full) / cost = 1 / full; cardinality: cost / full.
        settings.utility == .cost ? (1, Int128(full)) : (Int128(profile.costs[project]), Int128(full))
    }

    private mutating func pay(_ quote: Quote, initialShare: ExactFraction) -> MESRun.Purchase? {
        let share = quote.share
        let gap = tolerance * share
        var purchase = MESRun.Purchase(project: quote.project, fullPayers: 0, payment: share, partialPayers: 0,
                                       partialTotal: 0, rho: quote.rho)
        for voter in profile.supporters(of: quote.project) {
            let voter = Int(voter)
            guard status[voter] != .empty else { continue }
            let left = budgets[voter] - share
            var paysInFull = left > gap
            if !paysInFull && left >= -gap {
                // Too close to call in Double: exact only for a whole initial share against cost / full.
                guard status[voter] == .full, let full = quote.fullOnly else { return nil }
                let held = Int128(full) * Int128(initialShare.numerator)
                let cost = Int128(profile.costs[quote.project]) * Int128(initialShare.denominator)
                guard held >= cost else { return nil }
                paysInFull = true
                if held == cost {
                    budgets[voter] = 0
                    status[voter] = .empty
                    purchase.fullPayers += 1
                    continue
                }
            }
            if paysInFull {
                budgets[voter] = max(left, 0)
                status[voter] = .partial
                purchase.fullPayers += 1
            } else {
                purchase.partialPayers += 1
                purchase.partialTotal += budgets[voter]
                budgets[voter] = 0
                status[voter] = .empty
            }
        }
        return purchase
    }
}
