import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Casting ballots: one per person and budget, saved in one transaction, replaced by a later one until the close.
/// Stored ballots carry no identity: the row that a changed ballot replaces is found by a keyed hash of the election
/// and the person (``voterLink(_:key:secret:)``); the receipt is random.
public enum BallotService {
    /// The signed-in person votes. Signing in needs a confirmed address, so every account voting is verified.
    public static func cast(_ electionID: UUID, _ input: BallotInput, by user: CurrentUser, writer: BallotWriter?,
                            on db: any Database, now: Date) async throws -> BallotReceipt
    {
        try user.require(.participate)
        // One query: the election, and the account's suspension and profile.
        let current = try await open(electionID, userID: user.id, on: db, now: now)
        if let until = current.suspendedUntil { throw ParticipationError.suspended(until: until) }
        if current.checkedIn { throw ElectionError.checkedIn }
        var errors: [FieldError] = []
        let given = try await Demographics.validate(input.demographics, on: db, into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let demographics = given.completed(by: current.profile)
        try requireEligible(current, input, demographics: demographics)
        let (budget, numbers) = try current.election.check(input)
        return try await record(current, budget: budget, numbers: numbers, key: ParticipantKey.account(user.id),
                                channel: .online, demographics: demographics, audit: nil, writer: writer, on: db,
                                now: now)
    }

    /// A coordinator records the ballot of a citizen received in person, recognised by their identity document;
    /// marked assisted and audited (the audit names the coordinator, never the citizen or the choice).
    public static func castAssisted(_ electionID: UUID, _ input: AssistedBallotInput, by user: CurrentUser,
                                    writer: BallotWriter?, on db: any Database, now: Date) async throws -> BallotReceipt
    {
        try user.require(.assistParticipation)
        let current = try await open(electionID, on: db, now: now)
        let (key, kind, demographics) = try await input.assisted.checked(on: db)
        try requireEligible(current, input.ballot, demographics: demographics)
        let (budget, numbers) = try current.election.check(input.ballot)
        return try await record(current, budget: budget, numbers: numbers, key: key, channel: .assisted,
                                demographics: demographics, audit: (AuditActor(user), kind), writer: writer, on: db,
                                now: now)
    }

    /// The election, if voting is open in it: by the clock alone, scheduled and between its opening and its close.
    /// A draft is nobody's to vote in, and unknown to those who do not organise it.
    static func open(_ electionID: UUID, userID: UUID? = nil, on db: any Database, now: Date) async throws
        -> ElectionSnapshots.Current
    {
        guard let current = try await ElectionSnapshots.current(electionID, userID: userID, on: db, now: now),
              current.election.state != .draft
        else { throw ElectionError.electionNotFound }
        switch current.tallied ? .closed : current.election.phase(at: now) {
        case .open: return current
        case .upcoming: throw ElectionError.notYetOpen
        case .draft, .closed: throw ElectionError.closed
        }
    }

    /// The process's scope (by the wilaya given or in the profile) and the minimum age (confirmed by the voter).
    static func requireEligible(_ current: ElectionSnapshots.Current, _ input: BallotInput, demographics: Demographics)
        throws
    {
        if !current.scope.isEmpty {
            guard let wilaya = demographics.wilayaCode, current.scope.contains(wilaya) else {
                throw ElectionError.notEligible(reason: "scope")
            }
        }
        if current.election.minimumAge != nil, input.ageConfirmed != true { throw ElectionError.notEligible(reason: "age") }
    }

    /// The keyed hash that links a person's ballots within one election, and nothing else.
    public static func voterLink(_ electionID: UUID, key: String, secret: String) -> String {
        Keyed.hash("ballot:" + electionID.uuidString.lowercased() + ":" + key, secret: secret)
    }

    /// Twelve characters from an alphabet without look-alikes, in three groups: `K7M2-Q9XP-3HRT`.
    public static func newReceipt() -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return [0, 4, 8].map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Writes the ballot, and the voter's turnout cell the first time, in one transaction: through the
    /// application's ``BallotWriter`` (which commits the ballots that arrive together at once) when given.
    static func record(_ current: ElectionSnapshots.Current, budget: ElectionSnapshot.Budget, numbers: [Int],
                       key: String, channel: BallotChannel, demographics: Demographics, audit: (AuditActor, String)?,
                       writer: BallotWriter? = nil, on db: any Database, now: Date) async throws -> BallotReceipt
    {
        let write = BallotWrite(
            electionID: current.election.id, budgetID: budget.id,
            link: voterLink(current.election.id, key: key, secret: current.secret), receipt: newReceipt(),
            projects: numbers.map(String.init).joined(separator: ","), channel: channel, demographics: demographics,
            budgetsPerVoter: current.election.budgetsPerVoter, audit: audit, now: now)
        let version: Int
        if let writer {
            version = try await writer.write(write, on: db)
        } else {
            version = try await db.transaction { try await write.apply(on: $0) }
        }
        return BallotReceipt(electionID: write.electionID, budgetID: write.budgetID, receipt: write.receipt,
                             projects: numbers, version: version)
    }

    /// The ballots this account has cast in the election (their projects and version; receipts are shown once).
    public static func mine(_ election: BudgetElection, userID: UUID?, on db: any Database) async throws
        -> [ElectionBallot]
    {
        guard let userID, let electionID = election.id else { return [] }
        let link = voterLink(electionID, key: ParticipantKey.account(userID), secret: try await Keyed.secret(on: db))
        return try await ElectionBallot.query(on: db).filter(\.$electionID == electionID).filter(\.$voterLink == link).all()
    }
}
