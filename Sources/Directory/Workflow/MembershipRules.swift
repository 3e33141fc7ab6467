import Platform

/// Who may join the network. The founding document's network gathers accredited associations; experts and
/// academics join as people (profiles), companies and public institutions take part as partners (CSR,
/// cooperation), the observatory and international organisations as parties to agreements.
public enum MembershipRules {
    public static let admittedKinds: [OrganizationKind] = [.association]

    public static func admits(_ kind: OrganizationKind) -> Bool { admittedKinds.contains(kind) }
}
