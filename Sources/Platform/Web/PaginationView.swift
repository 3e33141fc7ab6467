import Vapor

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
