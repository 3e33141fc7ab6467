import Fluent
import Platform
import Vapor

/// The page contexts of ImportWebController.
extension ImportWebController {
    struct Context: Encodable {
        let page: PageMeta
        let form: FormState
        let columns: String
        let problems: [ImportProblem]
        let imported: Int?
    }
}
