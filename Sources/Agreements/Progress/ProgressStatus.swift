import Foundation

/// How an indicator, objective, axis or strategy stands against what was expected by now.
public enum ProgressStatus: String, Codable, Sendable, CaseIterable {
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case late
    case noData = "no_data"
    case noTarget = "no_target"
}
