import Directory
import Fluent
import Platform
import Vapor

/// An open election with `voters` accounts, each with an API token, for the ballot benchmark and the crash test
/// (`shabaka participation seed-election --voters N`): a national process, ten projects, a budget of 1,000,000,
/// voting open from a minute ago for a day.
public enum ElectionSeeder {
    public struct Seeded: Sendable {
        public let electionID: UUID
        public let budgetID: UUID
        public let tokens: [String]
    }

    public static func seed(voters: Int, on db: any Database, now: Date) async throws -> Seeded {
        guard let organizer = try await Organization.query(on: db).first() else {
            throw CommandUsageError("no organisation: run `shabaka seed-demo` first, or start once with demo data")
        }
        let unusable = try Bcrypt.hash(Keyed.randomToken(), cost: 8)
        let tag = UUID().uuidString.prefix(8).lowercased()
        let tokens: [String] = try await db.transaction { tx in
            var tokens: [String] = []
            for index in 0..<voters {
                let user = User(email: "voter\(index)-\(tag)@bench.invalid", displayName: "ناخب \(index)",
                                passwordHash: unusable, language: .ar)
                user.emailConfirmedAt = now
                try await user.create(on: tx)
                try await UserRole(userID: try user.requireID(), role: .citizen).create(on: tx)
                let (token, hash) = APIToken.generate()
                try await APIToken(userID: try user.requireID(), tokenHash: hash,
                                   expiresAt: now.addingTimeInterval(30 * 86_400)).create(on: tx)
                tokens.append(token)
            }
            return tokens
        }
        let process = try ParticipationSeeder.benchmarkProcess(
            "vote-" + tag, title: Translated(ar: "تصويت القياس", fr: "Vote de mesure", en: "Benchmark vote"),
            details: Translated(ar: "مسار لقياس سرعة التصويت."), organizer: organizer, now: now)
        let election = BudgetElection()
        election.title = "تصويت القياس"
        election.details = ""
        election.language = "ar"
        election.rule = "mes-add1"
        election.ballotKind = .withinBudget
        election.minProjects = 1
        election.maxProjects = 5
        election.opensAt = now.addingTimeInterval(-60)
        election.closesAt = now.addingTimeInterval(86_400)
        election.state = .scheduled
        election.revision = 0
        election.createdAt = now
        election.scheduledAt = now
        let budget = ElectionBudget()
        try await db.transaction { tx in
            try await process.create(on: tx)
            election.processID = try process.requireID()
            try await election.create(on: tx)
            budget.electionID = try election.requireID()
            budget.position = 1
            budget.amount = 1_000_000
            try await budget.create(on: tx)
            for number in 1...10 {
                let project = ElectionProject()
                project.electionID = try election.requireID()
                project.budgetID = try budget.requireID()
                project.number = number
                project.title = "مشروع \(number)"
                project.details = ""
                project.cost = Int64(50_000 * number)
                try await project.create(on: tx)
            }
        }
        return Seeded(electionID: try election.requireID(), budgetID: try budget.requireID(), tokens: tokens)
    }
}
