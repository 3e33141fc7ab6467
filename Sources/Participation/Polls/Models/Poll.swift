import Fluent
import Foundation
import Platform

/// A question put to a vote: in a process or one of its debates (participants vote), or in an assembly of member
/// associations (each member organisation votes through its representatives, with its weight). Open between
/// `opensAt` and `closesAt` by the clock alone; its options are fixed once it opens.
public final class Poll: Model, @unchecked Sendable {
    public static let schema = "polls"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "process_id") public var processID: UUID?
    @OptionalField(key: "debate_id") public var debateID: UUID?
    @OptionalField(key: "assembly_id") public var assemblyID: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "description") public var details: String
    @Field(key: "language") public var language: String
    @Enum(key: "method") public var method: PollMethod
    @Field(key: "allow_abstain") public var allowAbstain: Bool
    @Enum(key: "results_visibility") public var resultsVisibility: PollResultsVisibility
    @Field(key: "opens_at") public var opensAt: Date
    @Field(key: "closes_at") public var closesAt: Date
    /// What was decided, written by the organiser after the close.
    @OptionalField(key: "outcome") public var outcome: String?
    @OptionalField(key: "outcome_at") public var outcomeAt: Date?
    @OptionalField(key: "outcome_by") public var outcomeBy: UUID?
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var textLanguage: SiteLanguage { SiteLanguage(rawValue: language) ?? .default }

    public func phase(at now: Date) -> PollPhase {
        if now < opensAt { return .upcoming }
        if now < closesAt { return .open }
        return .closed
    }

    /// Results are shown live when the organiser chose so (once voting opened), otherwise after the close.
    public func resultsVisible(at now: Date) -> Bool {
        switch phase(at: now) {
        case .upcoming: false
        case .open: resultsVisibility == .live
        case .closed: true
        }
    }
}

/// How the votes are counted: one option (plurality), any options (approval), or options ranked (Schulze).
public enum PollMethod: String, CaseIterable, Codable, Sendable {
    case plurality, approval, schulze
}

public enum PollResultsVisibility: String, CaseIterable, Codable, Sendable {
    case live
    case atClose = "at_close"
}

public enum PollPhase: String, Codable, Sendable {
    case upcoming, open, closed
}

public final class PollOption: Model, @unchecked Sendable {
    public static let schema = "poll_options"

    @ID(key: .id) public var id: UUID?
    @Field(key: "poll_id") public var pollID: UUID
    /// 1, 2, …: how a vote names the option.
    @Field(key: "position") public var position: Int
    @Field(key: "label") public var label: String

    public init() {}

    public init(pollID: UUID, position: Int, label: String) {
        self.pollID = pollID
        self.position = position
        self.label = label
    }
}

/// One vote: the options' positions chosen (in order of preference for a ranked poll), or an abstention. Replaced
/// by a later vote of the same voter until the close.
public final class PollVote: Model, @unchecked Sendable {
    public static let schema = "poll_votes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "poll_id") public var pollID: UUID
    @Field(key: "voter_link") public var voterLink: String
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @OptionalField(key: "cast_by") public var castBy: UUID?
    /// Positions, comma-separated: `2,1,3`.
    @Field(key: "choices") public var choices: String
    @Field(key: "abstain") public var abstain: Bool
    @Field(key: "version") public var version: Int
    @Field(key: "cast_at") public var castAt: Date

    public init() {}

    public var positions: [Int] { choices.split(separator: ",").compactMap { Int($0) } }
}
