extension PBProfile {
    /// Runs a rule by its Shabaka name with Shabaka's tie order (``PBTieBreaking/pabulib``).
    public func tally(_ rule: PBRule, utility: PBUtility = .cost) -> PBOutcome {
        switch rule {
        case .greedy: Greedy.tally(self)
        case .mes: EqualShares.plain(self, utility: utility)
        case .mesAdd1: EqualShares.add1(self, utility: utility)
        case .mesAdd1Greedy: Greedy.completing(EqualShares.add1(self, utility: utility), profile: self)
        }
    }
}

extension PabulibElection {
    /// Runs a rule on this election; see ``PBProfile/tally(_:utility:)``.
    public func tally(_ rule: PBRule, utility: PBUtility = .cost) -> PBOutcome {
        PBProfile(self).tally(rule, utility: utility)
    }
}
