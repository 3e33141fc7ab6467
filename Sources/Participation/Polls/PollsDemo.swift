import Directory
import Fluent
import Platform
import Vapor

/// An open ranked poll in the demo process (results live, 40 votes), and an assembly of the network's members with
/// declared weights in session: one member has entrusted its vote to another, and the motion on the annual report,
/// open with live results, shows the chain.
public enum PollsDemo {
    public static let pollTitle = "ما الأولوية للدورة القادمة من الميزانية التشاركية؟"
    public static let assemblyTitle = "الجمعية العامة العادية للشبكة 2026"
    public static let motionTitle = "المصادقة على التقرير الأدبي والمالي لسنة 2025"

    public static func load(on db: any Database, now: Date, processID: UUID?) async throws {
        guard let processID else { return }
        let day: TimeInterval = 86_400
        let secret = try await Keyed.secret(on: db)
        let poll = Poll()
        (poll.processID, poll.title, poll.language, poll.method) = (processID, pollTitle, "ar", .schulze)
        poll.details = "رتّبوا المجالات حسب أولويتها عندكم؛ تظهر النتائج أثناء التصويت."
        (poll.allowAbstain, poll.resultsVisibility) = (true, .live)
        (poll.opensAt, poll.closesAt, poll.createdAt) = (now.addingTimeInterval(-3 * day), now.addingTimeInterval(11 * day),
                                                         now.addingTimeInterval(-4 * day))
        let options = ["الماء والتطهير", "الطرق والإنارة", "المدارس ودور الشباب", "الصحة الجوارية"]
        // Each voter's ranking, as a permutation of the options' positions, repeated by its count.
        let rankings: [([Int], Int)] = [([1, 4, 3, 2], 12), ([3, 1, 4, 2], 9), ([4, 1, 3, 2], 8), ([2, 1, 4, 3], 6),
                                        ([3, 4, 1], 4)]
        try await db.transaction { tx in
            try await poll.create(on: tx)
            let id = try poll.requireID()
            try await options.enumerated().map { PollOption(pollID: id, position: $0.offset + 1, label: $0.element) }
                .create(on: tx)
            var voter = 0
            for (ranking, count) in rankings {
                for _ in 0..<count {
                    voter += 1
                    try await vote(id, link: Keyed.hash("poll:demo:\(voter)", secret: secret), choices: ranking,
                                   at: now.addingTimeInterval(-Double(voter) * 3_600), on: tx)
                }
            }
            try await vote(id, link: Keyed.hash("poll:demo:abstain", secret: secret), choices: [], at: now, on: tx)
        }
        try await assembly(on: db, now: now)
    }

    static func vote(_ pollID: UUID, link: String, organization: UUID? = nil, choices: [Int], at: Date,
                     on db: any Database) async throws {
        let vote = PollVote()
        (vote.pollID, vote.voterLink, vote.organizationID) = (pollID, link, organization)
        (vote.choices, vote.abstain, vote.version, vote.castAt) = (choices.map(String.init).joined(separator: ","),
                                                                   choices.isEmpty, 1, at)
        try await vote.create(on: db)
    }

    static func assembly(on db: any Database, now: Date) async throws {
        let day: TimeInterval = 86_400
        guard let network = try await Organization.query(on: db).filter(\.$slug == DirectoryDemo.networkSlug).first()?.id
        else { return }
        let weights = ["tadamoun-batna": 120, "nour-women-ghardaia": 45, "green-oasis-biskra": 80, "atlas-crafts-tlemcen": 30]
        let orgs = try await Organization.query(on: db).filter(\.$slug ~~ Array(weights.keys)).all()
        let ids = Dictionary(orgs.compactMap { org in org.id.map { (org.slug, $0) } }, uniquingKeysWith: { first, _ in first })
        guard ids.count == weights.count else { return }
        let assembly = Assembly()
        (assembly.networkID, assembly.title, assembly.language, assembly.weightRule) = (network, assemblyTitle, "ar", .declared)
        assembly.details = "جدول الأعمال: التقرير الأدبي والمالي، برنامج العمل لسنة 2027. وزن كل جمعية هو عدد منخرطيها."
        (assembly.opensAt, assembly.closesAt, assembly.createdAt) = (now.addingTimeInterval(-day),
                                                                     now.addingTimeInterval(6 * day),
                                                                     now.addingTimeInterval(-10 * day))
        let motion = Poll()
        (motion.title, motion.language, motion.method, motion.allowAbstain) = (motionTitle, "ar", .plurality, true)
        motion.details = "يصادق الأعضاء على تقرير النشاط والحسابات كما عرضها المكتب."
        (motion.resultsVisibility, motion.opensAt, motion.closesAt) = (.live, assembly.opensAt, assembly.closesAt)
        motion.createdAt = now.addingTimeInterval(-2 * day)
        try await db.transaction { tx in
            try await assembly.create(on: tx)
            let id = try assembly.requireID()
            for (slug, weight) in weights {
                try await AssemblyMember(assemblyID: id, organizationID: ids[slug]!, weight: weight).create(on: tx)
            }
            let delegation = AssemblyDelegation()
            (delegation.assemblyID, delegation.fromID, delegation.toID) = (id, ids["green-oasis-biskra"]!, ids["tadamoun-batna"]!)
            delegation.createdAt = now.addingTimeInterval(-12 * 3_600)
            try await delegation.create(on: tx)
            motion.assemblyID = id
            try await motion.create(on: tx)
            let motionID = try motion.requireID()
            try await PollOption(pollID: motionID, position: 1, label: "نعم").create(on: tx)
            try await PollOption(pollID: motionID, position: 2, label: "لا").create(on: tx)
            for (slug, choices) in [("tadamoun-batna", [1]), ("nour-women-ghardaia", [2]), ("atlas-crafts-tlemcen", [])] {
                let org = ids[slug]!
                try await vote(motionID, link: "org:" + org.uuidString.lowercased(), organization: org, choices: choices,
                               at: now.addingTimeInterval(-3_600), on: tx)
            }
        }
    }
}
