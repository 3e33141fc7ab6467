import Fluent
import Platform
import Vapor

/// A multi-year strategy (e.g. the observatory's 2024-2030), made of axes, objectives and indicators.
public final class Strategy: Model, @unchecked Sendable {
    public static let schema = "strategies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: Translated
    @Field(key: "owner_id") public var ownerID: UUID
    @Field(key: "start_year") public var startYear: Int
    @Field(key: "end_year") public var endYear: Int

    public init() {}
}

extension Strategy: SlugAddressed {
    public static var slugField: KeyPath<Strategy, FieldProperty<Strategy, String>> { \.$slug }
}
