/// The Method of Equal Shares in exact arithmetic: every voter's budget is an integer numerator
/// over one common denominator, so payments never round. Slower than ``MESFastEngine``; used
/// when the fast engine cannot certify a decision, and by tests as the reference.
///
/// Rule (<https://equalshares.net>): each round, for every project still affordable by its
/// supporters, find the smallest equal share q with sum(min(budget, q)) = cost; pick the
/// project with the smallest q / utility, ties by the settings' order; supporters pay
/// min(budget, q). Stop when nothing is affordable.
struct MESExactEngine {
    let profile: PBProfile
    let settings: MESSettings

    private struct Quote {
        var project: Int
        /// q = shareNumerator / (denominator · payers), in the engine's common denominator.
        var shareNumerator: WideUInt
        var payers: UInt64
    }

    func run(initialShare: ExactFraction) -> MESRun {
        var denominator = WideUInt(UInt64(initialShare.denominator))
        var budgets = [WideUInt](repeating: WideUInt(UInt64(initialShare.numerator)), count: profile.voterCount)
        var (run, remaining) = MESRun.start(profile)
        while true {
            var best: Quote?
            remaining = remaining.filter { project in
                guard let quote = quote(project, budgets: budgets, denominator: denominator) else { return false }
                if best.map({ isCheaper(quote, than: $0) }) ?? true { best = quote }
                return true
            }
            guard let best else { break }
            remaining.removeAll { $0 == best.project || profile.excludes($0, best.project) }
            run.purchases.append(pay(best, budgets: &budgets, denominator: &denominator))
        }
        run.supportersBudgetAtEnd = profile.costs.indices.map { project in
            let total = profile.supporters(of: project).reduce(WideUInt(0)) { $0 + budgets[Int($1)] }
            return WideUInt.ratio(total, denominator)
        }
        return run
    }

    /// The equal share for `project`, or nil when its supporters cannot afford it any more.
    private func quote(_ project: Int, budgets: [WideUInt], denominator: WideUInt) -> Quote? {
        let supporters = profile.supporters(of: project)
        let target = denominator * UInt64(profile.costs[project])
        let total = supporters.reduce(WideUInt(0)) { $0 + budgets[Int($1)] }
        guard total >= target else { return nil }
        var rich = supporters.map { Int($0) }
        var poorTotal = WideUInt(0)
        while true {
            let share = target - poorTotal
            let payers = UInt64(rich.count)
            let poor = rich.filter { budgets[$0] * payers < share }
            if poor.isEmpty { return Quote(project: project, shareNumerator: share, payers: payers) }
            for voter in poor { poorTotal.add(budgets[voter]) }
            rich.removeAll { budgets[$0] * payers < share }
        }
    }

    /// Compares rho = share / (payers · utility) exactly, then the tie order.
    private func isCheaper(_ lhs: Quote, than rhs: Quote) -> Bool {
        let left = lhs.shareNumerator * rhs.payers * UInt64(settings.utility(of: rhs.project, in: profile))
        let right = rhs.shareNumerator * lhs.payers * UInt64(settings.utility(of: lhs.project, in: profile))
        if left != right { return left < right }
        return settings.tieRanks[lhs.project] < settings.tieRanks[rhs.project]
    }

    private func pay(_ quote: Quote, budgets: inout [WideUInt], denominator: inout WideUInt) -> MESRun.Purchase {
        let scale = quote.payers
        let share = quote.shareNumerator
        var isSupporter = Set(profile.supporters(of: quote.project).map(Int.init))
        var fullPayers = 0
        var partialPayers = 0
        var partialTotal = WideUInt(0)
        for voter in budgets.indices {
            // Rescale everyone to the new common denominator, then charge the supporters.
            let scaled = budgets[voter] * scale
            if isSupporter.remove(voter) != nil {
                if scaled >= share {
                    budgets[voter] = scaled - share
                    fullPayers += 1
                } else {
                    if !scaled.isZero { partialPayers += 1 }
                    partialTotal.add(scaled)
                    budgets[voter] = WideUInt(0)
                }
            } else {
                budgets[voter] = scaled
            }
        }
        let newDenominator = denominator * scale
        let payment = WideUInt.ratio(share, newDenominator)
        let utility = Double(settings.utility(of: quote.project, in: profile))
        denominator = newDenominator
        return MESRun.Purchase(
            project: quote.project, fullPayers: fullPayers, payment: payment, partialPayers: partialPayers,
            partialTotal: WideUInt.ratio(partialTotal, denominator), rho: payment / utility)
    }
}
