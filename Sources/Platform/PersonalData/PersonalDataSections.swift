import Fluent
import NIOConcurrencyHelpers
import Vapor

public final class PersonalDataSections: Sendable {
    private let sections = NIOLockedValueBox<[PersonalDataSection]>([])

    public func register(_ section: PersonalDataSection) {
        sections.withLockedValue { $0.append(section) }
    }

    public var all: [PersonalDataSection] { sections.withLockedValue { $0 } }
}

extension Application {
    private struct SectionsKey: StorageKey { typealias Value = PersonalDataSections }

    /// The rooms' personal-data sections (register them while configuring).
    public var personalData: PersonalDataSections {
        if let sections = storage[SectionsKey.self] { return sections }
        let sections = PersonalDataSections()
        storage[SectionsKey.self] = sections
        return sections
    }
}

extension Date {
    /// ISO 8601 text (UTC), for machine-readable places: `<time datetime>`, exports.
    public var iso8601: String { ISO8601DateFormatter().string(from: self) }
}
