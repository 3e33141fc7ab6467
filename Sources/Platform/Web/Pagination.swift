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

/// The API's list envelope: `{"items": [...], "page": {"number", "size", "total"}}`.
public struct Paged<Item: Content>: Content {
    public struct Info: Content {
        public let number: Int
        public let size: Int
        public let total: Int
    }
    public let items: [Item]
    public let page: Info

    public init(items: [Item], request: PageQuery, total: Int) {
        self.items = items
        self.page = Info(number: request.number, size: request.size, total: total)
    }
}

/// Previous / next links for a paginated page.
public struct PaginationView: Encodable, Sendable {
    public let number: Int
    public let pages: Int
    public let previous: String?
    public let next: String?

    public init(request: PageQuery, total: Int, path: String, query: [String: String] = [:], parameter: String = "page") {
        number = request.number
        pages = max(1, (total + request.size - 1) / request.size)
        func link(_ page: Int) -> String {
            var items = query.filter { !$0.value.isEmpty }.map { URLQueryItem(name: $0.key, value: $0.value) }
            items.append(URLQueryItem(name: parameter, value: "\(page)"))
            var components = URLComponents()
            components.path = path
            components.queryItems = items.sorted { $0.name < $1.name }
            return components.string ?? path
        }
        previous = request.number > 1 ? link(request.number - 1) : nil
        next = request.number < pages ? link(request.number + 1) : nil
    }
}
