import Platform
import Vapor

/// A poll as `POST /api/v1/polls` and the organiser's form give it: in a process, one of its debates, or an
/// assembly (exactly one of the three), with its options in order.
public struct PollInput: Content, Sendable {
    public var processID: UUID?
    public var debateID: UUID?
    public var assemblyID: UUID?
    public var title: String?
    public var description: String?
    /// `ar` (default), `fr` or `en`.
    public var language: String?
    /// `plurality` (default), `approval` or `schulze`.
    public var method: String?
    public var allowAbstain: Bool?
    /// `at_close` (default) or `live`.
    public var resultsVisibility: String?
    /// As for elections: ISO 8601, or `yyyy-MM-ddTHH:mm` in Algeria's time. An assembly's motion takes the
    /// assembly's window when left out.
    public var opensAt: String?
    public var closesAt: String?
    public var options: [String]?

    public init() {}
}

/// A vote: the options' positions (one for plurality; any for approval; in order of preference for a ranked poll),
/// or an abstention. In an assembly, the member organisation voting (the voter's only one when left out).
public struct PollVoteInput: Content, Sendable {
    public var choices: [Int]?
    public var abstain: Bool?
    public var organizationID: UUID?

    public init(choices: [Int]? = nil, abstain: Bool? = nil, organizationID: UUID? = nil) {
        self.choices = choices
        self.abstain = abstain
        self.organizationID = organizationID
    }
}

/// What the organiser writes after the close: what was decided.
public struct PollOutcomeInput: Content, Sendable {
    public var outcome: String?
    public init(outcome: String? = nil) { self.outcome = outcome }
}

/// An assembly as `POST /api/v1/assemblies` gives it. `weights` (organisation id → weight) sets the declared weights;
/// a member left out weighs one.
public struct AssemblyInput: Content, Sendable {
    public var networkID: UUID?
    public var title: String?
    public var description: String?
    public var language: String?
    /// `equal` (default) or `declared`.
    public var weightRule: String?
    public var weights: [String: Int]?
    public var opensAt: String?
    public var closesAt: String?

    public init() {}
}

/// A member entrusting its vote to another (`from_organization_id`: the voter's only organisation when left out).
public struct DelegationInput: Content, Sendable {
    public var fromOrganizationID: UUID?
    public var toOrganizationID: UUID?

    public init(from: UUID? = nil, to: UUID? = nil) {
        self.fromOrganizationID = from
        self.toOrganizationID = to
    }
}
