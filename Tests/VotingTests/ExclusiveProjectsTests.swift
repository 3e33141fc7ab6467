import PropertyBased
import Testing
@testable import Voting

/// Projects that exclude each other (the same `exclusive` group): every rule funds at most one of a group, says
/// which funded project excluded the others, and changes nothing when there are no groups.
@Suite("Projects that exclude each other")
struct ExclusiveProjectsTests {
    /// The random election with its projects put in up to three groups (or none) by the seed.
    static func grouped(voters: Int, projects: Int, seed: Int) -> PabulibElection {
        var election = Fixtures.randomElection(voters: voters, projects: projects, seed: UInt64(seed))
        election.projectColumns = [PBProfile.exclusiveColumn]
        for index in election.projects.indices {
            let group = (seed >> (2 * index)) & 3
            election.projects[index].attributes[PBProfile.exclusiveColumn] = group == 0 ? "" : "g\(group)"
        }
        return election
    }

    @Test("no rule funds two projects of a group, and each one left out names the funded one")
    func atMostOnePerGroup() async {
        await propertyCheck(input: Gen.int(in: 1...12), Gen.int(in: 1...7), Gen.int(in: 0...Int.max)) { voters, projects, seed in
            let election = Self.grouped(voters: voters, projects: projects, seed: seed)
            let group = Dictionary(uniqueKeysWithValues: election.projects.map {
                ($0.id, $0.attributes[PBProfile.exclusiveColumn] ?? "")
            })
            let profile = PBProfile(election)
            for rule in PBRule.allCases {
                let outcome = profile.tally(rule)
                let groups = outcome.selected.compactMap { group[$0] }.filter { !$0.isEmpty }
                #expect(Set(groups).count == groups.count, "\(rule): \(outcome.selected)")
                #expect(outcome.totalCost <= profile.budget)
                for explanation in outcome.explanations where explanation.kind == .exclusive {
                    let other = explanation.excludedBy ?? ""
                    #expect(outcome.selected.contains(other) && !outcome.selected.contains(explanation.projectID))
                    #expect(group[other] == group[explanation.projectID])
                }
            }
        }
    }

    @Test("without groups the outcome is the same as before")
    func noGroupsNoChange() async {
        await propertyCheck(input: Gen.int(in: 1...12), Gen.int(in: 1...7), Gen.int(in: 0...Int.max)) { voters, projects, seed in
            var election = Self.grouped(voters: voters, projects: projects, seed: seed)
            for index in election.projects.indices { election.projects[index].attributes[PBProfile.exclusiveColumn] = "" }
            let plain = Fixtures.randomElection(voters: voters, projects: projects, seed: UInt64(seed))
            for rule in PBRule.allCases {
                #expect(PBProfile(election).tally(rule) == PBProfile(plain).tally(rule), "\(rule)")
            }
        }
    }

    @Test func twoDesignsOfOneGardenEveryoneWantsOneIsFundedUnderEveryRule() {
        let profile = PBProfile(projectIDs: ["1", "2", "3"], costs: [40, 50, 10], budget: 100,
                                ballots: Array(repeating: [0, 1, 2], count: 10), exclusive: ["garden", "garden", nil])
        for rule in PBRule.allCases {
            let outcome = profile.tally(rule)
            #expect(outcome.selected.filter { $0 != "3" }.count == 1, "\(rule): \(outcome.selected)")
            #expect(outcome.selected.contains("3"), "\(rule)")
            let left = outcome.explanations.first { $0.kind == .exclusive }
            #expect(left != nil && left?.excludedBy.map(outcome.selected.contains) == true, "\(rule)")
        }
    }
}
