import Foundation
import Platform

extension Validate {
    /// A breakdown by `sex` and `age_group` whose every dimension adds up to the total.
    static func breakdown(_ raw: Breakdown?, total: Int, field: String, into errors: inout [FieldError]) -> Breakdown {
        let breakdown = raw ?? [:]
        for (dimension, values) in breakdown.sorted(by: { $0.key < $1.key }) {
            let allowed = ReportService.dimensions[dimension]
            guard let allowed, values.keys.allSatisfy(allowed.contains),
                  values.values.allSatisfy({ $0 >= 0 && $0 <= 100_000 && $0 == $0.rounded() }) else {
                errors.append(FieldError("\(field).\(dimension)", "validation.invalid_choice"))
                continue
            }
            if Int(values.values.reduce(0, +)) != total {
                errors.append(FieldError("\(field).\(dimension)", "validation.breakdown_total"))
            }
        }
        return breakdown
    }
}
