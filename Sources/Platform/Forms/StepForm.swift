/// A step of a procedure taken from a page: the `action` and its `reason`, as the API's transitions take them,
/// with what some steps add (`expert_id` for an assignment, `rating` when a request is completed), and
/// `confirmed` (`yes`) once a destructive step was confirmed on its second page.
public struct StepForm: Decodable, Sendable {
    public var action: String?
    public var reason: String?
    public var expertID: String?
    public var rating: String?
    public var confirmed: String?

    /// The value of `confirmed` that confirms a destructive step.
    public static let yes = "yes"

    public var isConfirmed: Bool { confirmed == Self.yes }
}
