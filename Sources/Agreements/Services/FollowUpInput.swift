import Directory
import Fluent
import Platform
import Vapor

/// A follow-up entry as the form and the API submit it.
public struct FollowUpInput: Content, Sendable {
    public var commitmentID: UUID?
    public var occurredOn: String?
    public var text: String?
    public var evidenceURL: String?
    public var progress: Int?

    public init(commitmentID: UUID? = nil, occurredOn: String?, text: String?, evidenceURL: String?, progress: Int?) {
        self.commitmentID = commitmentID
        self.occurredOn = occurredOn
        self.text = text
        self.evidenceURL = evidenceURL
        self.progress = progress
    }
}
