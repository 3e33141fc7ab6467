import Vapor
import Voting

struct PBFileInvalid: Error, CustomStringConvertible {
    var description: String { "the file is not a valid Pabulib file" }
}
