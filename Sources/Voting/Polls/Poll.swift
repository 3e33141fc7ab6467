/// General polls (not participatory budgeting): plurality, approval and Schulze.
///
/// Each returns a ``PollResult`` whose ties are never broken arbitrarily: see ``PollResult``.
public enum Poll {
    /// Plurality: each ballot names one candidate; most votes first.
    /// `weights`, when given, counts each ballot that many times (an assembly's votes by members); one each otherwise.
    public static func plurality(candidates: [String], ballots: [String], weights: [Int]? = nil) -> PollResult {
        approvalLike(.plurality, candidates: candidates, ballots: ballots.map { [$0] }, weights: weights)
    }

    /// Approval: each ballot approves any set of candidates; most approvals first.
    /// A ballot naming a candidate twice or an unknown candidate is ignored.
    public static func approval(candidates: [String], ballots: [[String]], weights: [Int]? = nil) -> PollResult {
        approvalLike(.approval, candidates: candidates, ballots: ballots, weights: weights)
    }

    private static func approvalLike(
        _ method: PollExplanation.Method, candidates: [String], ballots: [[String]], weights: [Int]?
    ) -> PollResult {
        let index = indexByName(candidates)
        var scores = [Int](repeating: 0, count: candidates.count)
        var ignored = 0
        for (position, ballot) in ballots.enumerated() {
            let chosen = ballot.compactMap { index[$0] }
            guard chosen.count == ballot.count, Set(chosen).count == chosen.count else {
                ignored += 1
                continue
            }
            for candidate in chosen { scores[candidate] += weight(weights, position) }
        }
        let explanation = PollExplanation(
            method: method, candidates: candidates, scores: scores, ignoredBallots: ignored)
        return result(candidates: candidates, explanation: explanation, strength: scores)
    }

    /// The weight of the ballot at `position`: one when no weights are given.
    static func weight(_ weights: [Int]?, _ position: Int) -> Int {
        guard let weights, position < weights.count else { return 1 }
        return weights[position]
    }

    static func indexByName(_ candidates: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in candidates.enumerated() where index[name] == nil { index[name] = position }
        return index
    }

    /// Groups candidates into tiers by decreasing `strength`, keeping the given order in a tier.
    static func result(candidates: [String], explanation: PollExplanation, strength: [Int]) -> PollResult {
        let levels = Set(strength).sorted(by: >)
        let ranking = levels.map { level in
            candidates.indices.filter { strength[$0] == level }.map { candidates[$0] }
        }
        return PollResult(ranking: ranking, winners: ranking.first ?? [], explanation: explanation)
    }
}
