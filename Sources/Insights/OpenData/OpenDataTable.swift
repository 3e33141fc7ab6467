import Foundation
import Platform

/// One public table of the open data: its fields (with their Frictionless types) and its rows, in a fixed order,
/// written as CSV and as JSON (an array of objects). Nothing here depends on when it is written: the same data
/// gives the same bytes.
struct OpenDataTable: Sendable {
    enum Kind: String, Sendable {
        case string, integer, date, datetime
    }

    enum Cell: Sendable {
        case text(String?)
        case number(Int64?)

        var csv: String {
            switch self {
            case .text(let value): value ?? ""
            case .number(let value): value.map(String.init) ?? ""
            }
        }

        var json: String {
            switch self {
            case .text(let value): value.map(OpenDataTable.quoted) ?? "null"
            case .number(let value): value.map(String.init) ?? "null"
            }
        }
    }

    let name: String
    let title: String
    let fields: [(name: String, kind: Kind, description: String)]
    let rows: [[Cell]]

    var csv: String {
        rows.reduce(CSVText.line(fields.map(\.name))) { $0 + CSVText.line($1.map(\.csv)) }
    }

    /// `[{"a":1,"b":"x"},…]`, one object a line, fields in the table's order.
    var json: String {
        let lines = rows.map { row in
            "{" + zip(fields, row).map { Self.quoted($0.name) + ":" + $1.json }.joined(separator: ",") + "}"
        }
        return "[\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "]\n"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as it is (UTF-8).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20: out += String(format: "\\u%04x", control.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A date-time as the tables write it: UTC, to the second (`2026-05-14T09:30:00Z`).
    static func datetime(_ date: Date?) -> Cell {
        .text(date.map { date in
            let parts = CivilCalendar.components(date, offset: 0)
            return CivilCalendar.text(year: parts.year, month: parts.month, day: parts.day) + "T"
                + [parts.hour, parts.minute, parts.second].map(CivilCalendar.two).joined(separator: ":") + "Z"
        })
    }

    /// The day of a moment, in Algeria (UTC+1).
    static func day(_ date: Date?) -> Cell {
        .text(date.map { date in
            let parts = CivilCalendar.components(date, offset: 3600)
            return CivilCalendar.text(year: parts.year, month: parts.month, day: parts.day)
        })
    }
}
