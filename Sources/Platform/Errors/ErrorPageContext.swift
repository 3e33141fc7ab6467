import Vapor

struct ErrorPageContext: Encodable {
    let page: PageMeta
    let status: Int
    let message: String
    let code: String
    /// What is wrong with each input (a query parameter of a list page, say), in the page's language.
    let fields: [ProblemField]
}
