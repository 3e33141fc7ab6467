import Fluent
import Platform
import Vapor

/// A domain of activity or expertise: SSE sectors, participatory-democracy themes, CSR.
public final class Domain: Model, @unchecked Sendable {
    public static let schema = "domains"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "domain_group") public var group: String
    @Field(key: "name") public var name: Translated
    @Field(key: "position") public var position: Int

    public init() {}

    public init(code: String, group: String, name: Translated, position: Int) {
        self.id = code
        self.group = group
        self.name = name
        self.position = position
    }
}
