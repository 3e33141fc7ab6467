import Directory
import Fluent
import Foundation
import Platform
import Vapor

/// Funding sources typed in the project form.
enum FundingText {
    /// One source per line: `name: amount`.
    static func funding(_ raw: String, into errors: inout [FieldError]) -> [FundingSource] {
        var sources: [FundingSource] = []
        for line in raw.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                errors.append(FieldError("funding", "validation.funding_line"))
                continue
            }
            var lineErrors: [FieldError] = []
            let amount = FormNumbers.minor(String(parts[1]), field: "funding", into: &lineErrors)
            if let amount, lineErrors.isEmpty {
                sources.append(FundingSource(source: parts[0].trimmingCharacters(in: .whitespaces), amountMinor: amount))
            } else { errors.append(FieldError("funding", "validation.funding_line")) }
        }
        return sources
    }
}
