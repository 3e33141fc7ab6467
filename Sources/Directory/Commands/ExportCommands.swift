import Fluent
import Foundation
import Platform
import Vapor

struct ExportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["organizations": ExportOrganizationsCommand()] }
    var help: String { "Export data." }
}
