import Fluent
import Platform
import SQLKit
import Vapor

/// A participatory-budgeting vote already closed: eight projects for a national budget of 5,000,000 DZD, one left out
/// as infeasible, three hundred ballots cast online and with coordinators in several wilayas, tallied at the first
/// reading of its results (by equal shares). The room's demo loader calls it with the process it belongs to.
public enum ElectionsDemo {
    public static let title = "التصويت على مشاريع الميزانية التشاركية 2026"

    static let projects: [(String, String, Int64, String, String?)] = [
        ("فضاء للشباب في حي بوزوران", "قاعة للتكوين المهني والأنشطة الثقافية مفتوحة كل الأسبوع.", 1_800_000, "05", nil),
        ("حديقة جوارية في حي الشهداء", "تهيئة مساحة خضراء مع ألعاب للأطفال ومقاعد.", 1_200_000, "05", nil),
        ("قافلة طبية للقرى الجبلية", "قافلة شهرية لطبيب عام وطبيب أسنان في القرى البعيدة.", 900_000, "05", nil),
        ("مكتبة متنقلة للمدارس", "حافلة مجهزة بالكتب تزور المدارس الابتدائية.", 700_000, "16", nil),
        ("تعاونية نسوية للخياطة", "تجهيز ورشة خياطة تديرها تعاونية نسائية.", 1_100_000, "31", nil),
        ("إنارة عمومية بالطاقة الشمسية", "إنارة الطريق المؤدية إلى المدرسة بألواح شمسية.", 1_500_000, "07", nil),
        ("ملعب جواري معشوشب", "ملعب لكرة القدم بعشب اصطناعي لشباب الحي.", 2_500_000, "05", nil),
        ("سوق أسبوعي للمنتجين المحليين", "فضاء مهيأ لبيع منتجات الفلاحين والحرفيين مباشرة.", 600_000, "13",
         "الأرض المقترحة ملك خاص ولم تُمنح رخصة استعمالها قبل الفرز."),
    ]

    public static func load(on db: any Database, now: Date, processID: UUID?) async throws {
        guard let processID else { return }
        let day: TimeInterval = 86_400
        let election = BudgetElection()
        election.processID = processID
        election.title = title
        election.details = "لكل ساكن من ولايات المسار أن يختار المشاريع التي يريد تمويلها، في حدود الميزانية الوطنية. "
            + "يُفرز التصويت بطريقة الحصص المتساوية، ويُشرح سبب تمويل كل مشروع أو عدم تمويله."
        election.language = SiteLanguage.ar.rawValue
        // Equal shares without completion: `mes-add1` on these amounts takes seconds to count (see the notes).
        election.rule = "mes"
        election.ballotKind = .withinBudget
        election.minProjects = 1
        election.maxProjects = 4
        election.opensAt = now.addingTimeInterval(-20 * day)
        election.closesAt = now.addingTimeInterval(-5 * day)
        election.state = .scheduled
        election.revision = 0
        election.createdAt = now.addingTimeInterval(-30 * day)
        election.scheduledAt = now.addingTimeInterval(-25 * day)
        let budget = ElectionBudget()
        try await db.transaction { tx in
            try await election.create(on: tx)
            let id = try election.requireID()
            budget.electionID = id
            budget.position = 1
            budget.amount = 5_000_000
            try await budget.create(on: tx)
            for (index, (title, details, cost, wilaya, excluded)) in projects.enumerated() {
                let project = ElectionProject()
                project.electionID = id
                project.budgetID = try budget.requireID()
                project.number = index + 1
                project.title = title
                project.details = details
                project.cost = cost
                project.wilayaCode = wilaya
                project.excludedReason = excluded
                project.excludedAt = excluded.map { _ in now.addingTimeInterval(-6 * day) }
                try await project.create(on: tx)
            }
            try await WorkflowStep.record(workflow: ElectionWorkflow.election.name, subjectID: id, action: "schedule",
                                          from: ElectionState.draft.rawValue, to: ElectionState.scheduled.rawValue,
                                          actor: .system, reason: nil, on: tx, at: election.scheduledAt ?? now)
        }
        // Ballots drawn from a few profiles, written as `BallotService.record` writes them for a fresh election
        // (a ballot and a voter row each, turnout counted per cell), in three statements: every start with demo
        // data, and most tests, load them.
        let secret = try await Keyed.secret(on: db)
        let id = try election.requireID()
        let budgetID = try budget.requireID()
        let profiles: [[Int]] = [[1, 2, 3], [2, 3, 4], [1, 5], [3, 4, 6], [7, 2], [5, 3, 4], [1, 3], [6, 4, 2, 3]]
        let wilayas = ["05", "05", "05", "16", "16", "31", "07", "05", "13", "16"]
        var ballots: [[any Encodable & Sendable]] = []
        var voters: [[any Encodable & Sendable]] = []
        var turnout: [[String]: Int] = [:]
        for index in 0..<300 {
            let numbers = profiles[(index * 7 + index / 5) % profiles.count].sorted()
            let channel: BallotChannel = index % 5 == 4 ? .assisted : .online
            let link = BallotService.voterLink(id, key: "demo:\(index)", secret: secret)
            ballots.append([UUID(), id, budgetID, link, BallotService.newReceipt(),
                            numbers.map(String.init).joined(separator: ","), channel.rawValue, 1])
            voters.append([id, link, channel.rawValue])
            let cell = [channel.rawValue, index % 17 == 16 ? "" : wilayas[index % wilayas.count],
                        index % 13 == 12 ? "" : (index % 2 == 0 ? "f" : "m"), AgeGroup.allCases[1 + index % 5].rawValue]
            turnout[cell, default: 0] += 1
        }
        let cells = turnout.sorted { $0.key.joined() < $1.key.joined() }
        let (ballotRows, voterRows) = (ballots, voters)
        let turnoutRows: [[any Encodable & Sendable]] = cells.map {
            [UUID(), id, $0.key[0], $0.key[1], $0.key[2], $0.key[3], $0.value]
        }
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            func insert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
                try await rows.reduce(sql.insert(into: table).columns(columns)) { $0.values($1) }.run()
            }
            try await insert("election_ballots", ["id", "election_id", "budget_id", "voter_link", "receipt", "projects",
                                                  "channel", "version"], ballotRows)
            try await insert("election_voters", ["election_id", "voter_link", "channel"], voterRows)
            try await insert("election_turnout", ["id", "election_id", "channel", "wilaya_code", "sex", "age_group", "voters"],
                             turnoutRows)
        }
    }
}
