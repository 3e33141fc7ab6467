import Fluent
import Foundation
import Platform
import Vapor

/// `shabaka export …`: the directory's CSV (`organizations`), and what later rooms add (the Insights room's
/// `open-data` registers the group again with its own command).
public struct ExportCommands: AsyncCommandGroup {
    let added: [String: any AnyAsyncCommand]

    public init(adding added: [String: any AnyAsyncCommand] = [:]) {
        self.added = added
    }

    public var commands: [String: any AnyAsyncCommand] {
        added.merging(["organizations": ExportOrganizationsCommand()]) { _, directory in directory }
    }

    public var help: String { "Export data." }
}
