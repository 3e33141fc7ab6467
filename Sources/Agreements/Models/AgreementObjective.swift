import Fluent
import Platform
import Vapor

/// One objective of an agreement, in order.
public final class AgreementObjective: Model, @unchecked Sendable {
    public static let schema = "agreement_objectives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "text") public var text: Translated

    public init() {}

    public init(agreementID: UUID, position: Int, text: Translated) {
        self.agreementID = agreementID
        self.position = position
        self.text = text
    }
}
