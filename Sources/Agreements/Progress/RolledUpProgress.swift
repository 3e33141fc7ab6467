import Foundation

/// Progress of a group (objective, axis, strategy): the mean achievement of its members that have data,
/// each capped at 1 so one over-achieved indicator cannot hide a late one.
public struct RolledUpProgress: Codable, Sendable, Equatable {
    public let ratio: Double?
    public let expected: Double
    public let status: ProgressStatus
    public let counts: [String: Int]

    public static func combine(_ members: [(ratio: Double?, status: ProgressStatus)], expected: Double) -> RolledUpProgress {
        var counts: [String: Int] = [:]
        for member in members { counts[member.status.rawValue, default: 0] += 1 }
        // A non-finite ratio (a value stored before inputs were bounded) counts as no data, never as NaN.
        let ratios = members.compactMap(\.ratio).filter(\.isFinite).map { min($0, 1) }
        guard !ratios.isEmpty else {
            return RolledUpProgress(ratio: nil, expected: expected, status: .noData, counts: counts)
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        return RolledUpProgress(ratio: mean, expected: expected,
                                status: IndicatorProgress.status(ratio: mean, expected: expected), counts: counts)
    }
}
