/// The Method of Equal Shares (MES) for participatory budgeting, with exact outcomes.
///
/// See <https://equalshares.net> for the rule and `../shared/pabulib/README.md` for the add1
/// completion Shabaka implements. All variants share one inner run: voters start with an equal
/// share; each round the project whose supporters can buy it at the lowest price per unit of
/// utility (rho) is bought, every supporter paying min(their budget, rho × utility). Ties in
/// rho go by ``PBTieBreaking``.
public enum EqualShares {
    /// Plain MES: every voter holds exactly budget / voters; no completion.
    /// - Parameters:
    ///   - tieBreaking: ``PBTieBreaking/pabulib`` for Shabaka, ``PBTieBreaking/lexicographic`` to
    ///     reproduce pabutools' `method_of_equal_shares` (`mes_cost`, `mes_cardinality`).
    public static func plain(
        _ profile: PBProfile, utility: PBUtility = .cost, tieBreaking: PBTieBreaking = .pabulib
    ) -> PBOutcome {
        var runner = Runner(profile: profile, utility: utility, tieBreaking: tieBreaking)
        let share = ExactFraction(profile.budget, Int64(max(profile.voterCount, 1)))
        return runner.outcome(rule: .mes, share: share, run: runner.run(share))
    }

    /// MES with the add1 completion exactly as cities run it (`rule;equalshares/add1`).
    ///
    /// Every voter starts with floor(budget / voters) whole units; MES is run, then every share
    /// is raised by one unit and MES rerun, for as long as the outcome's total cost stays within
    /// the budget — with no early stop when the outcome is exhaustive; the last outcome within
    /// budget is kept and its share reported. Ties go to more approvals, then lower cost, then
    /// the smaller project id (``PBTieBreaking/pabulib``).
    ///
    /// Once an outcome funds every project that anyone supports (or excludes by one it funds), no higher share can change it,
    /// so the loop stops there (and, since no outcome can then exceed the budget, it raises the
    /// share by doubling steps instead of one unit; the reported share is where it got there).
    public static func add1(_ profile: PBProfile, utility: PBUtility = .cost) -> PBOutcome {
        var runner = Runner(profile: profile, utility: utility, tieBreaking: .pabulib)
        let candidates = profile.candidates
        let everythingFits = candidates.reduce(0) { $0 + profile.costs[$1] } <= profile.budget
        var share = profile.budget / Int64(max(profile.voterCount, 1))
        var step: Int64 = 1
        var kept = runner.run(ExactFraction(share))
        var keptShare = share
        while !kept.isComplete(profile, candidates: candidates.count) {
            share += step
            if everythingFits { step *= 2 }
            let next = runner.run(ExactFraction(share))
            if next.totalCost(profile) > profile.budget { break }
            kept = next
            keptShare = share
        }
        return runner.outcome(rule: .mesAdd1, share: ExactFraction(keptShare), run: kept)
    }

    /// pabutools 1.2.3's iterated MES, `method_of_equal_shares(..., voter_budget_increment=1)`,
    /// for reproducing its outcomes (`mes_add1_cost`, `mes_add1_cardinality`).
    ///
    /// Voters start with budget / voters (a fraction); the share grows by one unit while the
    /// outcome is within budget, stopping at the first outcome that is exhaustive (no other
    /// supported project fits in what is left) or returning the previous one at the first that
    /// is over budget. Ties are ``PBTieBreaking/lexicographic``.
    public static func pabutoolsAdd1(_ profile: PBProfile, utility: PBUtility = .cost) -> PBOutcome {
        var runner = Runner(profile: profile, utility: utility, tieBreaking: .lexicographic)
        let voters = Int64(max(profile.voterCount, 1))
        var numerator = profile.budget
        var kept = runner.run(ExactFraction(numerator, voters))
        var keptShare = ExactFraction(numerator, voters)
        while !isExhaustive(kept, profile) {
            numerator += voters
            let next = runner.run(ExactFraction(numerator, voters))
            if next.totalCost(profile) > profile.budget { break }
            kept = next
            keptShare = ExactFraction(numerator, voters)
        }
        return runner.outcome(rule: .mesAdd1, share: keptShare, run: kept)
    }

    static func isExhaustive(_ run: MESRun, _ profile: PBProfile) -> Bool {
        let left = profile.budget - run.totalCost(profile)
        let selected = Set(run.selected)
        return !profile.candidates.contains {
            !selected.contains($0) && profile.costs[$0] <= left && profile.excluder(of: $0, among: run.selected) == nil
        }
    }
}
