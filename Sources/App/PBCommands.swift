import Vapor
import Voting

struct PBCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["tally": PBTallyCommand(), "check": PBCheckCommand()] }
    var help: String { "Participatory budgeting: tally and check Pabulib files." }
}
