import Directory
import Fluent
import Platform
import Projects
import Vapor

/// Reports, the moderators' queue and actions, suspensions, and the one-click unsubscribe page.
extension DiscussionWebController {
    // MARK: reports

    struct ReportForm: Decodable {
        var subjectType: String?
        var subjectID: String?
        var reason: String?
        var details: String?
        var back: String?

        init(subjectType: String?, subjectID: String?, back: String?) {
            self.subjectType = subjectType
            self.subjectID = subjectID
            self.back = back
        }
    }

    struct ReportContext: Encodable {
        let page: PageMeta
        let form: FormState
        let reasons: [ChoiceOption]
        let subjectType: String
        let subjectID: String
        let back: String
        let sent: Bool
    }

    /// The report form, reached from a report link (`subject_type`, `subject_id`, `back` in the query).
    @Sendable func reportForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        let form = ReportForm(subjectType: req.query[String.self, at: "subject_type"],
                              subjectID: req.query[String.self, at: "subject_id"],
                              back: req.query[String.self, at: "back"])
        return try await renderReport(req, form, state: .empty, sent: false)
    }

    func renderReport(_ req: Request, _ form: ReportForm, state: FormState, sent: Bool) async throws -> Response {
        try await req.render("participation/report", ReportContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.report_title"), form: state.grouping("reason"),
            reasons: ChoiceOption.cases(ReportReason.self, key: "participation.report_reason",
                                        selected: state.values["reason"], req),
            subjectType: form.subjectType ?? "", subjectID: form.subjectID ?? "",
            back: LocalRedirect.path(form.back) ?? "/" + req.language.rawValue + "/", sent: sent))
    }

    @Sendable func report(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(ReportForm.self)
        return try await req.submitting {
            _ = try await ModerationService.report(
                ModerationService.ReportInput(subjectType: form.subjectType, subjectID: form.subjectID.flatMap { UUID(uuidString: $0) },
                                              reason: form.reason, details: form.details), by: user, on: req.db, now: req.now)
            return try await renderReport(req, form, state: .empty, sent: true)
        } refused: { state in
            try await renderReport(req, form, state: state, sent: false)
        }
    }

    // MARK: moderation

    @Sendable func moderation(req: Request) async throws -> Response {
        try await ModerationPage.render(req, action: .empty, suspension: .empty)
    }

    @Sendable func moderate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(ModerationService.ActionInput.self)
        return try await req.submitting {
            try await ModerationService.act(form, by: user, on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ParticipationSiteURL.moderation.path(in: req.language))
        } refused: { state in
            try await ModerationPage.render(req, action: state, suspension: .empty)
        }
    }

    struct SuspendForm: Decodable {
        /// From a report of a person; else the account's e-mail address.
        var userID: String?
        var email: String?
        var reason: String?
        var until: String?
    }

    @Sendable func suspend(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.form(SuspendForm.self)
        return try await req.submitting {
            let email = User.normalize(email: form.email ?? "")
            var target = try await form.userID.flatMap { UUID(uuidString: $0) }.asyncMap { try await User.find($0, on: req.db) }
            if target == nil { target = try await User.query(on: req.db).filter(\.$email == email).first() }
            if target == nil {
                throw ValidationFailure([FieldError("email", email.isEmpty ? "validation.required" : "validation.unknown_account")])
            }
            _ = try await ModerationService.suspend(
                ModerationService.SuspensionInput(userID: target?.id, reason: form.reason, until: form.until), by: user,
                on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ParticipationSiteURL.moderation.path(in: req.language))
        } refused: { state in
            try await ModerationPage.render(req, action: .empty, suspension: state)
        }
    }

    // MARK: unsubscribe

    struct UnsubscribeContext: Encodable {
        let page: PageMeta
        let token: String
        let known: Bool
        let done: Bool
    }

    /// The link in a message: a page with one button (a link a mail scanner opens changes nothing).
    @Sendable func unsubscribePage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let known = try await Follow.query(on: req.db).filter(\.$unsubscribeToken == token).count() > 0
        return try await req.render("participation/unsubscribe", UnsubscribeContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.unsubscribe_title", startsSession: true),
            token: token, known: known, done: false))
    }

    @Sendable func unsubscribe(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let follow = try await FollowService.unsubscribe(token: token, on: req.db)
        return try await req.render("participation/unsubscribe", UnsubscribeContext(
            page: try await PageMeta.make(for: req, titleKey: "participation.unsubscribe_title"), token: token,
            known: follow != nil, done: follow != nil))
    }
}
