import Foundation

/// What the index keeps of one organisation: its sort key, filters and search terms.
struct IndexedOrganization: Sendable, Equatable {
    let id: UUID
    let sortName: String
    let slug: String
    let kind: String
    let wilayaCode: String?
    var domains: [String]
    var terms: [String]
}
