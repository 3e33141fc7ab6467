import Directory
import Fluent
import Platform
import SQLKit
import Vapor

/// Assemblies of the network's member associations: called by the network's staff (or its representatives) with
/// the network's active members at that moment; delegations given and revoked by the members' representatives until
/// the close, never in a cycle.
public enum AssemblyService {
    public static let weights: ClosedRange<Int> = 1...1_000_000

    public static func isOrganizer(_ user: CurrentUser?, of assembly: Assembly, on db: any Database) async throws -> Bool {
        try await isOrganizer(user, networkID: assembly.networkID, on: db)
    }

    static func isOrganizer(_ user: CurrentUser?, networkID: UUID, on db: any Database) async throws -> Bool {
        guard let user else { return false }
        if user.may(.manageProcesses) { return true }
        guard user.may(.representOrganizations) else { return false }
        return try await Representation.represents(userID: user.id, organizationID: networkID, on: db)
    }

    /// Creates the assembly and its members (the network's active members) with their weights, in one transaction.
    public static func create(_ input: AssemblyInput, by user: CurrentUser, on db: any Database, now: Date) async throws
        -> Assembly
    {
        var errors: [FieldError] = []
        let assembly = Assembly()
        assembly.title = Validate.text(input.title, field: "title", max: 300, into: &errors)
        assembly.details = Validate.text(input.description, field: "description", max: 4000, required: false,
                                         into: &errors)
        assembly.language = Validate.trimmed(input.language) ?? SiteLanguage.default.rawValue
        if SiteLanguage(rawValue: assembly.language) == nil {
            errors.append(FieldError("language", "validation.invalid_choice"))
        }
        assembly.weightRule = Validate.choice(Validate.trimmed(input.weightRule) ?? "equal", field: "weight_rule",
                                              as: AssemblyWeightRule.self, into: &errors) ?? .equal
        let opensAt = LocalTime.required(input.opensAt, field: "opens_at", into: &errors)
        let closesAt = LocalTime.required(input.closesAt, field: "closes_at", into: &errors)
        if let opensAt, let closesAt, closesAt <= opensAt { errors.append(FieldError("closes_at", "validation.end_before_start")) }
        if let closesAt, closesAt <= now { errors.append(FieldError("closes_at", "poll.validation.closes_in_past")) }
        assembly.opensAt = opensAt ?? now
        assembly.closesAt = closesAt ?? now
        var memberIDs: [UUID] = []
        if let networkID = input.networkID,
           let network = try await Organization.find(networkID, on: db), network.kind == .network {
            assembly.networkID = networkID
            memberIDs = try await NetworkMembership.query(on: db).filter(\.$networkID == networkID)
                .filter(\.$state == .active).all().map(\.memberID)
            if memberIDs.isEmpty { errors.append(FieldError("network_id", "assembly.validation.no_members")) }
        } else {
            errors.append(FieldError("network_id", input.networkID == nil ? "validation.required" : "validation.invalid_choice"))
        }
        let declared = assembly.weightRule == .declared ? input.weights ?? [:] : [:]
        for (key, weight) in declared {
            guard let id = UUID(uuidString: key), memberIDs.contains(id) else {
                errors.append(FieldError("weights." + key, "assembly.validation.not_a_member"))
                continue
            }
            if !weights.contains(weight) { errors.append(FieldError("weights." + key, "validation.range", "1", "1000000")) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        guard try await isOrganizer(user, networkID: assembly.networkID, on: db) else { throw PollError.notTheOrganizer }
        assembly.createdBy = user.id
        assembly.createdAt = now
        let members = memberIDs
        try await db.transaction { tx in
            try await assembly.create(on: tx)
            let id = try assembly.requireID()
            try await members.map {
                AssemblyMember(assemblyID: id, organizationID: $0, weight: declared[$0.uuidString] ?? 1)
            }.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "assembly.created", subjectType: "assembly",
                                      subjectID: id.uuidString, details: ["members": "\(members.count)",
                                                                          "weight_rule": assembly.weightRule.rawValue],
                                      at: now)
        }
        return assembly
    }

    /// The member organisation a representative acts for: the one named, or their only member organisation.
    public static func actingFor(_ given: UUID?, user: CurrentUser, in assemblyID: UUID, on db: any Database)
        async throws -> UUID
    {
        let members = Set(try await AssemblyMember.query(on: db).filter(\.$assemblyID == assemblyID).all()
            .map(\.organizationID))
        if let given {
            guard members.contains(given) else { throw PollError.notAMember }
            guard try await Representation.represents(userID: user.id, organizationID: given, on: db) else {
                throw PollError.notARepresentative
            }
            return given
        }
        let mine = try await Representation.organizations(of: user.id, on: db).compactMap(\.id).filter(members.contains)
        guard let only = mine.first else { throw PollError.notARepresentative }
        guard mine.count == 1 else { throw ValidationFailure([FieldError("organization_id", "validation.required")]) }
        return only
    }

    /// Entrusts the member's vote to another member; a delegation already given is replaced. Refused when it would
    /// close a cycle (the chain is named in the error).
    public static func delegate(_ assembly: Assembly, _ input: DelegationInput, by user: CurrentUser,
                                on db: any Database, now: Date, language: SiteLanguage = .default) async throws
    {
        let id = try assembly.requireID()
        guard now < assembly.closesAt else { throw PollError.closed }
        let from = try await actingFor(input.fromOrganizationID, user: user, in: id, on: db)
        guard let to = input.toOrganizationID else {
            throw ValidationFailure([FieldError("to_organization_id", "validation.required")])
        }
        guard to != from else { throw PollError.delegationToSelf }
        guard try await AssemblyMember.query(on: db).filter(\.$assemblyID == id).filter(\.$organizationID == to)
            .first() != nil else { throw ValidationFailure([FieldError("to_organization_id", "assembly.validation.not_a_member")]) }
        try await db.transaction { tx in
            // Serialises the assembly's delegations, so that two crossing ones cannot both pass the cycle check.
            if let sql = tx as? any SQLDatabase {
                try await sql.raw("UPDATE assemblies SET created_at = created_at WHERE id = \(bind: id)").run()
            }
            let links = try await delegations(id, on: tx)
            let chain = DelegationChains(links).chain(from: to)
            if chain.contains(from) {
                let names = try await AssemblyQuery.names([from, to] + chain.prefix { $0 != from } + [from],
                                                          language: language, on: tx)
                throw PollError.delegationCycle(chain: names.joined(separator: " → "))
            }
            try await AssemblyDelegation.query(on: tx).filter(\.$assemblyID == id).filter(\.$fromID == from).delete()
            let delegation = AssemblyDelegation()
            (delegation.assemblyID, delegation.fromID, delegation.toID) = (id, from, to)
            (delegation.createdBy, delegation.createdAt) = (user.id, now)
            try await delegation.create(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "assembly.delegated", subjectType: "assembly",
                                      subjectID: id.uuidString, details: ["from": from.uuidString, "to": to.uuidString],
                                      at: now)
        }
    }

    /// Takes back the member's delegation, until the close.
    public static func revoke(_ assembly: Assembly, from given: UUID?, by user: CurrentUser, on db: any Database,
                              now: Date) async throws
    {
        let id = try assembly.requireID()
        guard now < assembly.closesAt else { throw PollError.closed }
        let from = try await actingFor(given, user: user, in: id, on: db)
        try await db.transaction { tx in
            guard let delegation = try await AssemblyDelegation.query(on: tx).filter(\.$assemblyID == id)
                .filter(\.$fromID == from).first() else { throw PollError.noDelegation }
            try await delegation.delete(on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "assembly.delegation_revoked",
                                      subjectType: "assembly", subjectID: id.uuidString,
                                      details: ["from": from.uuidString, "to": delegation.toID.uuidString], at: now)
        }
    }

    static func delegations(_ assemblyID: UUID, on db: any Database) async throws -> [UUID: UUID] {
        Dictionary(try await AssemblyDelegation.query(on: db).filter(\.$assemblyID == assemblyID).all()
            .map { ($0.fromID, $0.toID) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Following delegations: from a member to whom it entrusted its vote, and on, never twice through the same member.
public struct DelegationChains: Sendable {
    let links: [UUID: UUID]

    public init(_ links: [UUID: UUID]) { self.links = links }

    /// The members the vote passes through after `start` (empty when it delegated to nobody).
    public func chain(from start: UUID) -> [UUID] {
        var chain: [UUID] = []
        var seen: Set<UUID> = [start]
        var current = start
        while let next = links[current] {
            chain.append(next)
            guard seen.insert(next).inserted else { break }
            current = next
        }
        return chain
    }
}
