import Fluent
import Foundation
import SQLKit

/// Polling stations of an election: their officers, the citizens checked in (who then cannot vote online), and the
/// paper ballots entered by batch with the blank and spoiled ones.
struct CreatePollingStations: AsyncMigration {
    var name: String { "participation.007.create-polling-stations" }

    func prepare(on database: any Database) async throws {
        try await database.schema("polling_stations")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("wilaya_code", .string)
            .field("created_at", .datetime, .required)
            .field("counted_at", .datetime)
            .field("counted_by", .uuid)
            .create()
        try await database.schema("station_officers")
            .id()
            .field("station_id", .uuid, .required, .references("polling_stations", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required)
            .unique(on: "station_id", "user_id")
            .create()
        // Who came to vote in person: by a keyed hash of their identity document, and their account when they have
        // one (so that they cannot also vote online). Nothing here leads to a ballot.
        try await database.schema("station_checkins")
            .id()
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("station_id", .uuid, .required, .references("polling_stations", "id", onDelete: .cascade))
            .field("user_id", .uuid)
            .field("document_link", .string, .required)
            .field("checked_in_by", .uuid, .required)
            .field("checked_in_at", .datetime, .required)
            .unique(on: "election_id", "document_link")
            .unique(on: "election_id", "user_id")
            .create()
        try await database.schema("station_batches")
            .id()
            .field("station_id", .uuid, .required, .references("polling_stations", "id", onDelete: .cascade))
            .field("election_id", .uuid, .required, .references("budget_elections", "id", onDelete: .cascade))
            .field("budget_id", .uuid, .required, .references("election_budgets", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("ballots", .int, .required)
            .field("blank", .int, .required)
            .field("spoiled", .int, .required)
            .field("entered_by", .uuid, .required)
            .field("entered_at", .datetime, .required)
            .unique(on: "station_id", "budget_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["station_batches", "station_checkins", "station_officers", "polling_stations"] {
            try await database.schema(table).delete()
        }
    }
}

/// A place where citizens vote on paper, with its officers.
public final class PollingStation: Model, @unchecked Sendable {
    public static let schema = "polling_stations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "name") public var name: String
    @OptionalField(key: "wilaya_code") public var wilayaCode: String?
    @Field(key: "created_at") public var createdAt: Date
    /// When its officers declared the count finished; the results wait for every station's.
    @OptionalField(key: "counted_at") public var countedAt: Date?
    @OptionalField(key: "counted_by") public var countedBy: UUID?

    public init() {}
}

public final class StationOfficer: Model, @unchecked Sendable {
    public static let schema = "station_officers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "user_id") public var userID: UUID

    public init() {}

    public init(stationID: UUID, userID: UUID) {
        self.stationID = stationID
        self.userID = userID
    }
}

/// One batch of paper ballots counted at a station, for one budget: how many ballots were entered, and how many
/// were blank or spoiled.
public final class StationBatch: Model, @unchecked Sendable {
    public static let schema = "station_batches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "station_id") public var stationID: UUID
    @Field(key: "election_id") public var electionID: UUID
    @Field(key: "budget_id") public var budgetID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "ballots") public var ballots: Int
    @Field(key: "blank") public var blank: Int
    @Field(key: "spoiled") public var spoiled: Int
    @Field(key: "entered_by") public var enteredBy: UUID
    @Field(key: "entered_at") public var enteredAt: Date

    public init() {}
}
