import Directory
import Fluent
import Foundation
import Platform
import Projects
import SQLKit
import Vapor

/// `shabaka insights seed-bench --projects N`: for the dashboard's benchmark, on top of `seed-demo
/// --organizations …`: every verified association becomes a member of the network, and N projects (spread over
/// them, their wilayas and domains, every state past the draft) file quarterly reports with jobs by sex.
struct InsightsCommands: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "seed-bench")
        var action: String
        @Option(name: "projects", help: "How many projects to generate (default 10000)")
        var projects: Int?
        @Option(name: "seed", help: "Random seed (default 1)")
        var seed: Int?
    }

    var help: String { "Insights room tasks: `seed-bench --projects N` makes the associations members and adds projects with reports." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "seed-bench" else { throw CommandUsageError("unknown action \(signature.action); use: seed-bench") }
        let count = signature.projects ?? 10_000
        guard (0...1_000_000).contains(count) else { throw CommandUsageError("--projects must be 0…1000000") }
        let started = Date()
        let (members, projects) = try await BenchSeeder.seed(projects: count, seed: UInt64(signature.seed ?? 1),
                                                             on: context.application.db, now: context.application.clock.now())
        context.console.print(String(format: "%d new members, %d projects with reports in %.1f s", members, projects,
                                     Date().timeIntervalSince(started)))
    }
}

enum BenchSeeder {
    static func seed(projects count: Int, seed: UInt64, on db: any Database, now: Date) async throws -> (Int, Int) {
        var random = SplitMix64(seed: seed)
        let network: Organization
        if let existing = try await Organization.query(on: db).filter(\.$kind == .network).first() {
            network = existing
        } else {
            network = Organization(slug: "bench-network", kind: .network,
                                   name: Translated(ar: "شبكة القياس", fr: "Réseau de mesure", en: "Benchmark network"),
                                   summary: Translated(ar: "", fr: "", en: ""), wilayaCode: "16")
            network.verification = .verified
            try await network.create(on: db)
        }
        let networkID = try network.requireID()
        let already = Set(try await NetworkMembership.query(on: db).all().map(\.memberID))
        let associations = try await Organization.query(on: db).filter(\.$kind == .association)
            .filter(\.$verification == .verified).sort(\.$id).all()
        let newcomers = associations.filter { !already.contains($0.id ?? UUID()) }
        for chunk in newcomers.chunked(into: 1000) {
            try await db.transaction { tx in
                try await chunk.map { NetworkMembership(networkID: networkID, memberID: try $0.requireID(), applicationID: nil) }
                    .create(on: tx)
            }
        }
        guard !associations.isEmpty else { return (newcomers.count, 0) }
        let domains = try await OrganizationDomain.query(on: db).all()
        let domainOf = Dictionary(domains.map { ($0.organizationID, $0.domainCode) }, uniquingKeysWith: { a, _ in a })
        let states: [ProjectState] = [.submitted, .underReview, .approved, .inProgress, .inProgress, .completed, .evaluated]
        var made = 0
        while made < count {
            let size = min(500, count - made)
            var projects: [Project] = []
            var reports: [ProjectReport] = []
            for index in made..<(made + size) {
                let owner = associations[Int(random.next() % UInt64(associations.count))]
                let year = 2024 + Int(random.next() % 3)
                let state = states[Int(random.next() % UInt64(states.count))]
                let project = Project()
                project.id = UUID()
                project.slug = "bench-project-\(index + 1)"
                project.organizationID = try owner.requireID()
                project.title = Translated(ar: "مشروع قياس \(index + 1)", fr: "Projet de mesure \(index + 1)", en: "Benchmark project \(index + 1)")
                project.summary = Translated(ar: "مشروع", fr: "Projet", en: "Project")
                project.socialNeed = Translated(ar: "حاجة", fr: "Besoin", en: "Need")
                project.beneficiaries = "—"
                project.domainCode = domainOf[try owner.requireID()] ?? "sse.employment"
                project.wilayaCode = owner.wilayaCode ?? "16"
                project.budgetMinor = 1_000_000_00
                project.currency = "DZD"
                project.funding = []
                project.partners = ""
                project.startsOn = "\(year)-01-15"
                project.endsOn = "\(year + 2)-12-31"
                project.expectedJobs = 5
                project.state = state
                projects.append(project)
                guard [.inProgress, .completed, .evaluated].contains(state) else { continue }
                for quarter in 1...4 {
                    let created = Int(random.next() % 5), women = Int(random.next() % UInt64(created + 1))
                    let report = ProjectReport()
                    report.projectID = project.id!
                    report.period = "\(year)-Q\(quarter)"
                    report.periodSort = ReportingPeriod(report.period)?.sortKey ?? 0
                    report.narrative = "—"
                    report.milestones = ""
                    report.jobsCreated = created
                    report.jobsCreatedBreakdown = ["sex": ["f": Double(women), "m": Double(created - women)]]
                    report.jobsSustained = quarter * 2
                    report.jobsSustainedBreakdown = [:]
                    report.beneficiaries = 20 * quarter
                    report.revenueMinor = 0
                    report.volunteers = 1
                    report.authorName = "bench"
                    report.filedAt = now
                    reports.append(report)
                }
            }
            let batch = projects, filed = reports
            try await db.transaction { tx in
                try await batch.create(on: tx)
                for chunk in filed.chunked(into: 500) { try await chunk.create(on: tx) }
            }
            made += size
        }
        return (newcomers.count, made)
    }
}
