import Leaf
import LeafKit
import Vapor

/// `#formGuard(page.csrf)`: the hidden fields every form carries: the session's CSRF token and a fresh
/// one-time form id, so that a form sent twice (a double click, a resend after a slow answer) is done once
/// (see ``SubmissionGuard``).
struct FormGuardTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 1 else { throw LeafError(.unknownError("#formGuard() needs page.csrf")) }
        let csrf = (ctx.parameters[0].string ?? "").htmlEscaped()
        return .string(#"<input type="hidden" name="_csrf" value=""# + csrf + #""><input type="hidden" name=""#
            + SubmissionGuard.formField + #"" value=""# + CSRF.randomToken() + #"">"#)
    }
}
