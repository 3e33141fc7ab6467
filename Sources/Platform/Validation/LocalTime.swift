import Foundation

/// A form's or a client's date and time: `yyyy-MM-ddTHH:mm[:ss]` followed by `Z` or an offset such as `+01:00`, or
/// by nothing for Algeria's time (UTC+1, no summer time), as a form's date-time field sends it.
public enum LocalTime {
    /// The date and time as a form's date-time field shows it, in Algeria's time: `2026-12-02T14:30`.
    public static func local(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3600) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(c.year ?? 1970)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute))"
    }

    public static func parse(_ text: String?) -> Date? {
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

    /// A required date and time of a form or a client: missing and unreadable values are refused on `field`.
    public static func required(_ raw: String?, field: String, into errors: inout [FieldError]) -> Date? {
        guard Validate.trimmed(raw) != nil else {
            errors.append(FieldError(field, "validation.required"))
            return nil
        }
        guard let date = parse(raw) else {
            errors.append(FieldError(field, "validation.datetime"))
            return nil
        }
        return date
    }
}
