/// A project of the `PROJECTS` section.
public struct PBProject: Sendable, Hashable {
    /// The `project_id` column: unique within the election.
    public var id: String
    /// The `cost` column, in whole currency units.
    public var cost: Int64
    /// The other columns, keyed by their header name.
    public var attributes: [String: String]

    /// Creates a project.
    public init(id: String, cost: Int64, attributes: [String: String] = [:]) {
        self.id = id
        self.cost = cost
        self.attributes = attributes
    }
}
