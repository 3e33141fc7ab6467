import Fluent
import Platform
import Vapor

/// A participatory process: an organiser, a scope, phases with dates, and the rules of its proposals.
public final class ParticipatoryProcess: Model, @unchecked Sendable {
    public static let schema = "participatory_processes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: Translated
    @Field(key: "description") public var details: Translated
    /// The organisation of the directory that runs it.
    @Field(key: "organizer_id") public var organizerID: UUID
    /// Wilaya codes, comma-separated; empty: national.
    @Field(key: "scope_wilayas") public var scopeWilayas: String
    /// Endorsements a proposal needs to be studied by the organiser.
    @Field(key: "endorsement_threshold") public var endorsementThreshold: Int
    /// nil: no limit.
    @OptionalField(key: "endorsements_per_person") public var endorsementsPerPerson: Int?
    @OptionalField(key: "proposals_per_person") public var proposalsPerPerson: Int?
    /// Counts show while endorsing is open (otherwise only once it closes).
    @Field(key: "counts_visible") public var countsVisible: Bool
    /// Comments say whether they are for, against or neutral.
    @Field(key: "stances") public var stances: Bool
    /// New proposals, debates and comments wait for a moderator before they show.
    @Field(key: "premoderation") public var premoderation: Bool
    @OptionalField(key: "created_by") public var createdBy: UUID?
    @Field(key: "created_at") public var createdAt: Date

    @Children(for: \.$process) public var phases: [ProcessPhase]

    public init() {}

    public var wilayaScope: [String] {
        scopeWilayas.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public var isNational: Bool { wilayaScope.isEmpty }
}

extension ParticipatoryProcess: SlugAddressed {
    public static var slugField: KeyPath<ParticipatoryProcess, FieldProperty<ParticipatoryProcess, String>> { \.$slug }
}

/// The kinds of phase a process goes through, in their usual order.
public enum PhaseKind: String, CaseIterable, Codable, Sendable {
    case information, proposals, deliberation, voting
    case followUp = "follow_up"

    /// What a phase of this kind opens unless the organiser says otherwise.
    public var defaultOpenings: Set<PhaseOpening> {
        switch self {
        case .information: []
        case .proposals: [.propose, .endorse, .comment]
        case .deliberation: [.endorse, .comment, .debate]
        case .voting: [.comment]
        case .followUp: [.comment]
        }
    }
}

/// What a phase can open.
public enum PhaseOpening: String, CaseIterable, Codable, Sendable, Comparable {
    case propose, endorse, comment, debate

    public static func < (lhs: PhaseOpening, rhs: PhaseOpening) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One phase of a process, from its first day to its last (both included, Algeria's calendar).
public final class ProcessPhase: Model, @unchecked Sendable {
    public static let schema = "process_phases"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "process_id") public var process: ParticipatoryProcess
    @Field(key: "position") public var position: Int
    @Enum(key: "kind") public var kind: PhaseKind
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String
    /// PhaseOpening raw values, comma-separated.
    @Field(key: "opens") public var opens: String
    /// When the process's followers were told it began (nil: not yet).
    @OptionalField(key: "announced_at") public var announcedAt: Date?

    public init() {}

    public var openings: Set<PhaseOpening> {
        Set(opens.split(separator: ",").compactMap { PhaseOpening(rawValue: String($0)) })
    }

    /// Open on `day` (`yyyy-MM-dd`).
    public func isCurrent(on day: String) -> Bool { startsOn <= day && day <= endsOn }
}
