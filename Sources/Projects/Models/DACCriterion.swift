import Fluent
import Platform
import Vapor

/// The six OECD-DAC evaluation criteria.
public enum DACCriterion: String, CaseIterable, Codable, Sendable {
    case relevance, coherence, effectiveness, efficiency, impact, sustainability
}
