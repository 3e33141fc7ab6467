import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Voting on paper at polling stations: the organiser opens stations with their officers; officers check citizens
/// in while voting is open (a citizen checked in cannot vote online, one who voted online cannot be checked in),
/// enter the paper ballots by batch (each checked against the ballot's rules, blank and spoiled ones counted), and
/// declare the count finished; the results wait for every station's count.
public enum StationService {
    public static func open(_ election: BudgetElection, _ input: StationInput, by user: CurrentUser, on db: any Database,
                            now: Date) async throws -> PollingStation
    {
        try await ElectionAuthoring.requireOrganizer(user, of: election, on: db)
        guard election.talliedAt == nil, election.phase(at: now) != .closed else { throw ElectionError.closed }
        var errors: [FieldError] = []
        let station = PollingStation()
        station.name = Validate.text(input.name, field: "name", max: 200, into: &errors)
        station.wilayaCode = Validate.trimmed(input.wilayaCode)
        if let wilaya = station.wilayaCode, try await Wilaya.find(wilaya, on: db) == nil {
            errors.append(FieldError("wilaya_code", "validation.invalid_choice"))
        }
        var officers: [UUID] = []
        let emails = (input.officers ?? []).compactMap { Validate.trimmed($0)?.lowercased() }
        if emails.isEmpty { errors.append(FieldError("officers", "validation.required")) }
        for (index, email) in emails.enumerated() {
            guard let found = try await User.query(on: db).filter(\.$email == email).first()?.id else {
                errors.append(FieldError("officers.\(index)", "election.validation.unknown_account"))
                continue
            }
            officers.append(found)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        station.electionID = try election.requireID()
        station.createdAt = now
        let chosen = Array(Set(officers))
        try await db.transaction { tx in
            try await station.create(on: tx)
            let id = try station.requireID()
            try await chosen.map { StationOfficer(stationID: id, userID: $0) }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.station_opened",
                                      subjectType: "budget_election", subjectID: station.electionID.uuidString,
                                      details: ["station": id.uuidString, "officers": "\(chosen.count)"], at: now)
        }
        return station
    }

    public static func isOfficer(_ user: CurrentUser?, of station: PollingStation, on db: any Database) async throws -> Bool {
        guard let user, user.may(.assistParticipation) else { return false }
        return try await StationOfficer.query(on: db).filter(\.$stationID == station.requireID())
            .filter(\.$userID == user.id).first() != nil
    }

    static func requireOfficer(_ user: CurrentUser, of station: PollingStation, on db: any Database) async throws {
        guard try await isOfficer(user, of: station, on: db) else { throw ElectionError.notAnOfficer }
    }

    /// Checks a citizen in, in one transaction that claims the election (never after the tally).
    public static func checkIn(_ station: PollingStation, _ input: CheckInInput, by user: CurrentUser,
                               on db: any Database, now: Date) async throws
    {
        try await requireOfficer(user, of: station, on: db)
        let current = try await BallotService.open(station.electionID, on: db, now: now)
        let (key, kind, demographics) = try await input.assisted.checked(on: db)
        var account: UUID?
        if let email = Validate.trimmed(input.email)?.lowercased() {
            guard let found = try await User.query(on: db).filter(\.$email == email).first()?.id else {
                throw ValidationFailure([FieldError("email", "election.validation.unknown_account")])
            }
            account = found
        }
        let electionID = station.electionID, stationID = try station.requireID()
        let documentLink = BallotService.voterLink(electionID, key: key, secret: current.secret)
        let accountLink = account.map { BallotService.voterLink(electionID, key: ParticipantKey.account($0), secret: current.secret) }
        let userAccount = account
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            guard try await sql.raw("""
                UPDATE budget_elections SET state = state WHERE id = \(bind: electionID) AND tallied_at IS NULL RETURNING id
                """).first() != nil else { throw ElectionError.closed }
            if let accountLink, try await sql.raw("""
                SELECT 1 AS yes FROM election_voters WHERE election_id = \(bind: electionID) AND voter_link = \(bind: accountLink)
                """).first() != nil { throw ElectionError.votedOnline }
            let inserted = try await sql.raw("""
                INSERT INTO station_checkins (id, election_id, station_id, user_id, document_link, checked_in_by, checked_in_at)
                VALUES (\(bind: UUID()), \(bind: electionID), \(bind: stationID), \(bind: userAccount), \(bind: documentLink),
                        \(bind: user.id), \(bind: now))
                ON CONFLICT DO NOTHING RETURNING id
                """).first()
            guard inserted != nil else { throw ElectionError.alreadyCheckedIn }
            try await sql.raw("""
                INSERT INTO election_voters (election_id, voter_link, channel)
                VALUES (\(bind: electionID), \(bind: documentLink), 'station') ON CONFLICT (election_id, voter_link) DO NOTHING
                """).run()
            try await BallotWrite.countTurnout(electionID, channel: .station, demographics: demographics, on: sql)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.checked_in",
                                      subjectType: "budget_election", subjectID: electionID.uuidString,
                                      details: ["station": stationID.uuidString, "document_kind": kind], at: now)
        }
    }

    /// Enters a batch of paper ballots: every ballot is checked against the election's rules (an invalid one is
    /// refused with its line, to be counted as spoiled), and a station never holds more paper ballots in a budget
    /// than citizens it checked in.
    public static func enterBatch(_ station: PollingStation, _ input: BatchInput, by user: CurrentUser,
                                  on db: any Database, now: Date) async throws -> StationBatch
    {
        try await requireOfficer(user, of: station, on: db)
        guard station.countedAt == nil else { throw ElectionError.stationCounted }
        guard let current = try await ElectionSnapshots.current(station.electionID, on: db, now: now),
              !current.tallied, current.election.phase(at: now) != .upcoming
        else { throw ElectionError.closed }
        var errors: [FieldError] = []
        let number = Validate.number(input.number ?? 0, field: "number", range: 1...10_000, into: &errors)
        let blank = Validate.number(input.blank ?? 0, field: "blank", range: 0...100_000, into: &errors)
        let spoiled = Validate.number(input.spoiled ?? 0, field: "spoiled", range: 0...100_000, into: &errors)
        let ballots = input.ballots ?? []
        if ballots.count > 5_000 { errors.append(FieldError("ballots", "validation.too_many", "5000")) }
        var budgetID = input.budgetID
        var checked: [String] = []
        for (index, projects) in ballots.prefix(5_000).enumerated() {
            do {
                let (budget, numbers) = try current.election.check(BallotInput(budgetID: budgetID, projects: projects))
                budgetID = budget.id
                checked.append(numbers.map(String.init).joined(separator: ","))
            } catch let error as ElectionError {
                var problem = FieldError("ballots.\(index)", error.messageKey)
                problem.arguments = ["\(index + 1)"] + error.messageArguments
                errors.append(problem)
            }
        }
        guard let budget = budgetID ?? (current.election.budgets.count == 1 ? current.election.budgets.first?.id : nil)
        else { throw ElectionError.budgetNotFound }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let batch = StationBatch()
        (batch.stationID, batch.electionID, batch.budgetID, batch.number) = (try station.requireID(), station.electionID,
                                                                            budget, number)
        (batch.ballots, batch.blank, batch.spoiled, batch.enteredBy, batch.enteredAt) = (checked.count, blank, spoiled,
                                                                                         user.id, now)
        let rows = checked
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            guard try await sql.raw("""
                UPDATE budget_elections SET state = state WHERE id = \(bind: batch.electionID) AND tallied_at IS NULL
                RETURNING id
                """).first() != nil else { throw ElectionError.closed }
            let counts = try await sql.raw("""
                SELECT (SELECT COUNT(*) FROM station_checkins WHERE station_id = \(bind: batch.stationID)) AS voters,
                       (SELECT CAST(COALESCE(SUM(ballots + blank + spoiled), 0) AS INTEGER) FROM station_batches
                        WHERE station_id = \(bind: batch.stationID) AND budget_id = \(bind: budget)) AS papers
                """).first()
            let voters = try counts?.decode(column: "voters", as: Int.self) ?? 0
            let papers = try counts?.decode(column: "papers", as: Int.self) ?? 0
            if papers + rows.count + blank + spoiled > voters { throw ElectionError.moreBallotsThanVoters(voters: voters) }
            do {
                try await batch.create(on: tx)
            } catch {
                throw ValidationFailure([FieldError("number", "election.validation.batch_entered")])
            }
            for projects in rows {
                try await sql.raw("""
                    INSERT INTO election_ballots (id, election_id, budget_id, voter_link, receipt, projects, channel, version)
                    VALUES (\(bind: UUID()), \(bind: batch.electionID), \(bind: budget), \(bind: "paper:" + Keyed.randomToken()),
                            \(bind: BallotService.newReceipt()), \(bind: projects), 'station', 1)
                    """).run()
            }
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.batch_entered",
                                      subjectType: "budget_election", subjectID: batch.electionID.uuidString,
                                      details: ["station": batch.stationID.uuidString, "number": "\(number)",
                                                "ballots": "\(rows.count)", "blank": "\(blank)", "spoiled": "\(spoiled)"],
                                      at: now)
        }
        return batch
    }

    /// Declares the station's count finished, after the close; no batch is entered afterwards.
    public static func finishCount(_ station: PollingStation, by user: CurrentUser, on db: any Database, now: Date)
        async throws
    {
        try await requireOfficer(user, of: station, on: db)
        guard let election = try await BudgetElection.find(station.electionID, on: db) else { throw ElectionError.electionNotFound }
        guard election.phase(at: now) == .closed else { throw ElectionError.notClosedYet }
        guard station.countedAt == nil else { throw ElectionError.stationCounted }
        (station.countedAt, station.countedBy) = (now, user.id)
        try await db.transaction { tx in
            try await station.update(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "election.station_counted",
                                      subjectType: "budget_election", subjectID: station.electionID.uuidString,
                                      details: ["station": try station.requireID().uuidString], at: now)
        }
    }
}
