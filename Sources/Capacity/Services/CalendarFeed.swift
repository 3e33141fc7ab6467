import Foundation
import Platform

/// An iCalendar (RFC 5545) feed of public events that calendar applications subscribe to: one `VEVENT` per event,
/// its title in the feed's language (another language's when it has none), lines folded at 75 bytes without
/// cutting a character, text escaped.
public struct CalendarFeed {
    public struct Item {
        let id: UUID
        let title: String
        let description: String
        let startsAt: Date
        let endsAt: Date
        let location: String?
        let url: String
        let createdAt: Date
        /// Called off: `STATUS:CANCELLED`, which calendar applications show struck out; the reason begins the
        /// description.
        let cancelled: Bool
    }

    let name: String
    let items: [Item]
    let now: Date

    public func text() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shabaka//Capacity//AR", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name)]
        for item in items {
            lines += ["BEGIN:VEVENT", "UID:\(item.id.uuidString.lowercased())@shabaka", "DTSTAMP:" + Self.utc(now),
                      "CREATED:" + Self.utc(item.createdAt), "DTSTART:" + Self.utc(item.startsAt),
                      "DTEND:" + Self.utc(item.endsAt), "SUMMARY:" + Self.escape(item.title)]
            if item.cancelled { lines.append("STATUS:CANCELLED") }
            if !item.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(item.description)) }
            if let location = item.location { lines.append("LOCATION:" + Self.escape(location)) }
            lines += ["URL:" + item.url, "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261205T080000Z`.
    static func utc(_ date: Date) -> String {
        let c = CivilCalendar.components(date, offset: 0)
        let two = CivilCalendar.two
        return "\(c.year)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 bytes go on continuation lines starting with a space, cut between characters.
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var bytes = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if bytes + size > limit {
                parts.append(current)
                (current, bytes) = ("", 0)
            }
            current.append(character)
            bytes += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
