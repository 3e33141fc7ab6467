import Vapor

/// `page` and `size` query parameters, validated (1-based page, 1…100 per page).
public struct PageQuery: Sendable {
    public static let defaultSize = 20
    public static let maxSize = 100

    public let number: Int
    public let size: Int

    public init(number: Int = 1, size: Int = PageQuery.defaultSize) {
        self.number = number
        self.size = size
    }

    /// `parameter` names the page number when a page has two lists (`companies_page`).
    public init(from request: Request, parameter: String = "page") throws {
        var errors: [FieldError] = []
        let number = Self.integer(request, parameter, default: 1, range: 1...1_000_000, errors: &errors)
        let size = Self.integer(request, "size", default: Self.defaultSize, range: 1...Self.maxSize, errors: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        self.init(number: number, size: size)
    }

    private static func integer(
        _ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>, errors: inout [FieldError]
    ) -> Int {
        guard let raw = request.query[String.self, at: name], !raw.isEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            errors.append(FieldError(name, "validation.range", "\(range.lowerBound)", "\(range.upperBound)"))
            return value
        }
        return number
    }

    public var offset: Int { (number - 1) * size }
    public var range: Range<Int> { offset..<(offset + size) }
}
