import Fluent
import Foundation
import Platform
import Vapor

struct ImportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["organizations": ImportOrganizationsCommand()] }
    var help: String { "Import data from files." }
}
