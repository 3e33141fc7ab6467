import Vapor

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
