import Fluent
import Platform
import Vapor

/// A document of an agreement (the signed text, annexes), by link.
public final class AgreementDocument: Model, @unchecked Sendable {
    public static let schema = "agreement_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "title") public var title: Translated
    @Field(key: "url") public var url: String

    public init() {}

    public init(agreementID: UUID, title: Translated, url: String) {
        self.agreementID = agreementID
        self.title = title
        self.url = url
    }
}
