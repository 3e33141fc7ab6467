import Fluent
import Platform
import Vapor

/// Fields of expertise of a person.
public final class PersonExpertise: Model, @unchecked Sendable {
    public static let schema = "person_expertise"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "domain_code") public var domainCode: String

    public init() {}

    public init(personID: UUID, domainCode: String) {
        self.personID = personID
        self.domainCode = domainCode
    }
}
