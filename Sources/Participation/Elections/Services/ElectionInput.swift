import Platform
import Vapor

/// An election as `POST /api/v1/pb-elections` and the organiser's form give it; budgets and projects may come with
/// it (the form adds them afterwards, one at a time).
public struct ElectionInput: Content, Sendable {
    public var processID: UUID?
    public var title: String?
    public var description: String?
    /// `ar` (default), `fr` or `en`.
    public var language: String?
    /// `greedy`, `mes`, `mes-add1` (default) or `mes-add1-greedy`.
    public var rule: String?
    /// `within_budget` (default) or `approval`.
    public var ballotKind: String?
    public var minProjects: Int?
    public var maxProjects: Int?
    public var budgetsPerVoter: Int?
    public var minimumAge: Int?
    /// ISO 8601 with a zone, or `yyyy-MM-ddTHH:mm` in Algeria's time (UTC+1), as a form's date-time field sends it.
    public var opensAt: String?
    public var closesAt: String?
    /// The form's single budget: its amount.
    public var budget: Int64?
    public var budgets: [BudgetInput]?
    public var projects: [ElectionProjectInput]?

    public init() {}
}

/// One budget: national (no wilaya) or of a wilaya.
public struct BudgetInput: Content, Sendable {
    public var wilayaCode: String?
    public var amount: Int64?

    public init(wilayaCode: String? = nil, amount: Int64? = nil) {
        self.wilayaCode = wilayaCode
        self.amount = amount
    }
}

/// One project on the ballot, entered directly or taken from an accepted proposal (`proposal_id`: its texts, wilaya
/// and domain are the proposal's unless given).
public struct ElectionProjectInput: Content, Sendable {
    /// The budget's position (1, 2, …); the first when left out.
    public var budget: Int?
    public var proposalID: UUID?
    public var title: String?
    public var description: String?
    public var cost: Int64?
    public var wilayaCode: String?
    public var domainCode: String?
    /// A short label shared by the projects of the same budget that exclude each other (at most one is funded).
    public var exclusiveGroup: String?

    public init(title: String? = nil, cost: Int64? = nil, budget: Int? = nil) {
        self.title = title
        self.cost = cost
        self.budget = budget
    }
}

/// Excluding a project found infeasible: the reason is shown on the results.
public struct ExclusionInput: Content, Sendable {
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}

/// A form's or a client's date and time: `yyyy-MM-ddTHH:mm[:ss]` followed by `Z` or an offset such as `+01:00`, or
/// by nothing for Algeria's time (UTC+1, no summer time), as a form's date-time field sends it.
enum ElectionTime {
    /// The date and time as a form's date-time field shows it, in Algeria's time: `2026-12-02T14:30`.
    static func local(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3600) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))"
    }

    static func parse(_ text: String?) -> Date? {
        guard let text = Validate.trimmed(text), let match = text.wholeMatch(of: pattern) else { return nil }
        let (_, year, month, day, hour, minute, second, zone) = match.output
        guard let year = Int(year), let month = Int(month), let day = Int(day), let hour = Int(hour),
              let minute = Int(minute), (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let seconds = second.flatMap { Int($0) } ?? 0
        let days = CivilCalendar.days(year: year, month: month, day: day)
        // A day that does not exist (31 February) comes back as another day: refused.
        guard seconds < 60, CivilCalendar.date(days: days) == (year, month, day) else { return nil }
        var offset = 3600
        if let zone, zone != "Z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, parts[0] <= 14, parts[1] < 60 else { return nil }
            offset = sign * (parts[0] * 3600 + parts[1] * 60)
        } else if zone == "Z" {
            offset = 0
        }
        let local = days * 86_400 + hour * 3600 + minute * 60 + seconds
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    nonisolated(unsafe) static let pattern = #/(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/#
}
