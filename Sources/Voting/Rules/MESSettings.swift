/// Settings shared by both MES engines.
struct MESSettings: Sendable {
    var utility: PBUtility
    var tieRanks: [Int]

    func utility(of project: Int, in profile: PBProfile) -> Int64 {
        utility == .cost ? profile.costs[project] : 1
    }
}
