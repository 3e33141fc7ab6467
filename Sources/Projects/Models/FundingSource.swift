import Fluent
import Platform
import Vapor

/// One source of a project's funding, in minor units (centimes) of the project's currency.
public struct FundingSource: Codable, Sendable, Equatable {
    public var source: String
    public var amountMinor: Int64

    /// Spelled out: these keys are also how the sources are stored in the database (a JSON column).
    enum CodingKeys: String, CodingKey { case source, amountMinor = "amount_minor" }

    public init(source: String, amountMinor: Int64) {
        self.source = source
        self.amountMinor = amountMinor
    }

    /// Reads a stored row (`amount_minor`) and an API body alike: the API's decoder has already turned
    /// `amount_minor` into `amountMinor` (``JSONKeys``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKeys.Key.self)
        source = try container.decode(String.self, forKey: JSONKeys.Key(stringValue: "source"))
        let amount = JSONKeys.Key(stringValue: "amountMinor")
        amountMinor = try container.decode(Int64.self, forKey: container.contains(amount) ? amount
                                           : JSONKeys.Key(stringValue: "amount_minor"))
    }
}
