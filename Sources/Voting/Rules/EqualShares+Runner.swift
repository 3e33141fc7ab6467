extension EqualShares {
    /// Runs MES repeatedly on one profile, reusing the fast engine's buffers between runs.
    struct Runner {
        let profile: PBProfile
        let settings: MESSettings
        let tieBreaking: PBTieBreaking
        private var fast: MESFastEngine
        /// How many runs needed the exact engine (for tests and benchmarks).
        private(set) var exactRuns = 0

        init(profile: PBProfile, utility: PBUtility, tieBreaking: PBTieBreaking) {
            self.profile = profile
            self.tieBreaking = tieBreaking
            settings = MESSettings(utility: utility, tieRanks: tieBreaking.ranks(for: profile))
            fast = MESFastEngine(profile: profile, settings: settings)
        }

        mutating func run(_ share: ExactFraction) -> MESRun {
            if let run = fast.run(initialShare: share) { return run }
            exactRuns += 1
            return MESExactEngine(profile: profile, settings: settings).run(initialShare: share)
        }

        func outcome(rule: PBRule, share: ExactFraction, run: MESRun) -> PBOutcome {
            PBOutcome(
                rule: rule, utility: settings.utility, tieBreaking: tieBreaking,
                selected: run.selected.map { profile.projectIDs[$0] }, totalCost: run.totalCost(profile),
                perVoterBudget: share, explanations: ProjectExplanation.forMES(run, profile: profile))
        }
    }
}
