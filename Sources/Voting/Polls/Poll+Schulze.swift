extension Poll {
    /// Schulze's method (<https://arxiv.org/abs/1804.02973>): each ballot ranks candidates, most
    /// preferred first; unranked candidates count as tied below all ranked ones. Strongest
    /// beatpaths use winning votes. Candidate A ranks above B when A's strongest path to B is
    /// stronger than B's to A; tiers are formed by how many candidates beat each one, so
    /// candidates beaten by nobody are the winners. A ballot naming an unknown candidate or one
    /// twice is ignored.
    /// `weights`, when given, counts each ballot that many times.
    public static func schulze(candidates: [String], ballots: [[String]], weights: [Int]? = nil) -> PollResult {
        let count = candidates.count
        let index = indexByName(candidates)
        var pairwise = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        var ignored = 0
        for (position, ballot) in ballots.enumerated() {
            let ranked = ballot.compactMap { index[$0] }
            guard ranked.count == ballot.count, Set(ranked).count == ranked.count else {
                ignored += 1
                continue
            }
            var above = Set<Int>()
            for candidate in ranked {
                above.insert(candidate)
                for other in 0..<count where !above.contains(other) { pairwise[candidate][other] += weight(weights, position) }
            }
        }
        let paths = strongestPaths(pairwise)
        let beatenBy = (0..<count).map { candidate in
            (0..<count).filter { paths[$0][candidate] > paths[candidate][$0] }.count
        }
        let explanation = PollExplanation(
            method: .schulze, candidates: candidates, pairwise: pairwise, strongestPaths: paths,
            ignoredBallots: ignored)
        return result(candidates: candidates, explanation: explanation, strength: beatenBy.map { -$0 })
    }

    /// Floyd–Warshall on widest paths over the winning-votes graph.
    private static func strongestPaths(_ pairwise: [[Int]]) -> [[Int]] {
        let count = pairwise.count
        var paths = pairwise
        for i in 0..<count {
            for j in 0..<count where i != j {
                paths[i][j] = pairwise[i][j] > pairwise[j][i] ? pairwise[i][j] : 0
            }
            paths[i][i] = 0
        }
        for k in 0..<count {
            for i in 0..<count where i != k {
                for j in 0..<count where j != i && j != k {
                    paths[i][j] = max(paths[i][j], min(paths[i][k], paths[k][j]))
                }
            }
        }
        return paths
    }
}
