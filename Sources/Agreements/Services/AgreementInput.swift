import Foundation
import Platform

/// An organisation named by id or slug: a string, or an object with `id` or `slug` (as `GET` lists parties).
public struct OrganizationRef: Codable, Sendable, Equatable {
    public var key: String

    public init(_ key: String) { self.key = key }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            key = text
            return
        }
        struct Object: Decodable { var id: String?; var slug: String? }
        let object = try Object(from: decoder)
        key = object.id ?? object.slug ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}

/// An agreement as `POST /api/v1/agreements` takes it: the shape `GET` returns, less ids, state, history,
/// commitments' states and follow-ups; parties by id or slug. `PATCH` changes what it names (a list given replaces
/// the list).
public struct AgreementInput: Codable, Sendable {
    public struct SignatoryInput: Codable, Sendable {
        public var organizationID: OrganizationRef?
        public var roleTitle: Translated?
    }

    public struct DocumentInput: Codable, Sendable {
        public var title: Translated?
        public var url: String?
    }

    public struct CommitmentItem: Codable, Sendable {
        public var ownerID: OrganizationRef?
        public var description: Translated?
        public var dueOn: String?
        public var strategyObjectiveID: UUID?
    }

    public var slug: String?
    public var kind: String?
    public var title: Translated?
    public var summary: Translated?
    public var signedOn: String?
    public var signingPlace: Translated?
    public var startsOn: String?
    public var endsOn: String?
    public var parties: [OrganizationRef]?
    public var signatories: [SignatoryInput]?
    public var objectives: [Translated]?
    public var documents: [DocumentInput]?
    /// On `POST` only: the commitments to plan with the agreement.
    public var commitments: [CommitmentItem]?

    public init() {}
}
