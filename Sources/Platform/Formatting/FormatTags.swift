import Foundation
import Leaf
import LeafKit
import Vapor

/// `#day(value)` and `#moment(value)`: a `<time>` element holding the date (and, for `#moment`, the time) in the
/// page's language (``DateText``), with the machine-readable value in `datetime`. The value is a date (as the
/// context encodes it) or a `yyyy-MM-dd` string; nothing (an empty string) for a missing value.
struct DateTag: UnsafeUnescapedLeafTag {
    let withTime: Bool

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1 else {
            throw LeafError(.unknownError(withTime ? "#moment() needs one date" : "#day() needs one date"))
        }
        let language = ctx.request?.language ?? .default
        guard let catalog = ctx.request?.application.catalog else { return .string("") }
        let value = ctx.parameters[0]
        if value.celf == .double || value.celf == .int, let seconds = value.double {
            let date = Date(timeIntervalSince1970: seconds)
            let text = withTime ? DateText.moment(date, in: language, catalog: catalog)
                                : DateText.day(date, in: language, catalog: catalog)
            return .string("<time datetime=\"\(DateText.machine(date, withTime: withTime))\">\(text.htmlEscaped())</time>")
        }
        if let string = value.string, let parts = DateText.parseDay(string) {
            let text = DateText.day(year: parts.year, month: parts.month, day: parts.day, in: language, catalog: catalog)
            return .string("<time datetime=\"\(String(string.prefix(10)).htmlEscaped())\">\(text.htmlEscaped())</time>")
        }
        return .string((value.string ?? "").htmlEscaped())
    }
}

/// `#number(value)` (whole or decimal) and `#percent(value)`: numbers as the page's language writes them
/// (``NumberText``).
struct NumberTag: LeafTag {
    let percent: Bool

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1 else { throw LeafError(.unknownError("#number()/#percent() need one value")) }
        let language = ctx.request?.language ?? .default
        let value = ctx.parameters[0]
        if value.isNil { return .string("—") }
        if value.celf == .int, let whole = value.int {
            return .string(percent ? NumberText.percent(whole, in: language) : NumberText.integer(whole, in: language))
        }
        if value.celf == .double, let number = value.double {
            return .string(percent ? NumberText.percent(Int(number.rounded()), in: language)
                                   : NumberText.decimal(number, in: language))
        }
        return .string(value.string ?? "")
    }
}

/// `#period(value)`: a reporting period (`2026-Q3`, `2026-07`, `2026`) in the page's language (``PeriodText``).
struct PeriodTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1 else { throw LeafError(.unknownError("#period() needs one period")) }
        let text = ctx.parameters[0].string ?? ""
        guard let request = ctx.request else { return .string(text) }
        return .string(PeriodText.words(text, in: request.language, catalog: request.application.catalog))
    }
}
