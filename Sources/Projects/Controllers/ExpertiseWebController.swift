import Directory
import Fluent
import Platform
import Vapor

/// Expertise requests: the list, a new request, one request with the experts ranked for it, and its steps.
struct ExpertiseWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectsSiteURL.expertise.pathComponents, use: expertiseList)
        routes.post(ProjectsSiteURL.expertise.pathComponents, use: requestExpertise)
        let request = ProjectsSiteURL.expertise.pathComponents + [":id"]
        routes.get(request, use: showExpertise)
        routes.post(request + ["transitions"], use: stepExpertise)
    }

    @Sendable func expertiseList(req: Request) async throws -> Response {
        try await renderExpertiseList(req, form: .empty)
    }

    func renderExpertiseList(_ req: Request, form: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let reference = try await req.referenceData()
        let names = Dictionary(uniqueKeysWithValues: reference.domains.map { ($0.code, $0.name.resolve(in: req.language).text) })
        let pageQuery = try PageQuery(from: req)
        let state = try WorkQueries.expertiseState(req)
        let (requests, total) = try await WorkQueries.expertise(state: state, viewer: user, page: pageQuery, on: req.db)
        let organizations = try await Representation.verifiedOrganizations(of: user.id, on: req.db)
        return try await req.render("projects/expertise-list", ExpertiseListContext(
            page: try await PageMeta.make(for: req, titleKey: "expertise.title"),
            requests: requests.compactMap { request in
                request.id.map { ExpertiseLine(id: $0.uuidString, subject: request.subject,
                                               domain: names[request.domainCode] ?? request.domainCode,
                                               state: request.state.rawValue, requestedAt: request.requestedAt) }
            },
            pagination: PaginationView(request: pageQuery, total: total, path: req.url.path,
                                       query: ["state": state?.rawValue ?? ""]),
            canRequest: user.may(.requestExpertise) && !organizations.isEmpty,
            organizations: ChoiceOption.records(organizations, label: \.name, selected: form.values["organization_id"], req),
            domains: try await Options.domains(req, selected: Set([form.values["domain_code"]].compactMap { $0 })),
            wilayas: try await Options.wilayas(req, selected: form.values["wilaya_code"]),
            languages: ChoiceOption.languages(selected: [form.values["language"] ?? req.language.rawValue], req),
            form: form), status: status)
    }

    @Sendable func requestExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.form(ExpertiseForm.self).input
        return try await req.submitting {
            let request = try await ExpertiseService.create(input, by: user, on: req.db, now: req.now)
            return req.seeOther(ProjectsSiteURL.expertise.path(in: req.language) + "/" + (try request.requireID()).uuidString)
        } refused: { form in
            try await renderExpertiseList(req, form: form)
        }
    }

    @Sendable func showExpertise(req: Request) async throws -> Response {
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        return try await renderExpertise(req, request)
    }

    /// One request: what was asked, the conversation, the contacts once the expert accepted, the steps this reader
    /// may take (each its own form), and for staff only the experts ranked for it.
    func renderExpertise(_ req: Request, _ request: ExpertiseRequest, step: WorkflowStepForms.Sent? = nil,
                         status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let user = try req.requireUser()
        try await ProjectsPolicy.requireReader(of: request, req)
        let reference = try await req.referenceData()
        let domainName = { (code: String) in reference.domains.first { $0.code == code }?.name.resolve(in: req.language).text ?? code }
        let isStaff = user.may(.assignExpertise)
        let isExpert = try await ExpertiseService.isAssignedExpert(user, of: request, on: req.db)
        let lines = isStaff ? try await matchLines(req, request, reference: reference, domainName: domainName) : []
        let actions = ProjectWorkflows.expertise.actions(from: request.state, for: user).map(\.action).filter { action in
            switch action {
            case "assign": return false
            case "accept", "decline", "answer": return isExpert
            default: return !isExpert || isStaff
            }
        }
        let messages = try await ExpertiseService.messages(of: request, on: req.db)
        let authors = try await req.authorNames(messages.map(\.authorUserID))
        let page = try await PageMeta.make(for: req, titleKey: "expertise.show_title", request.subject)
        let requestID = try request.requireID()
        return try await req.render("projects/expertise", ExpertiseContext(
            page: page,
            request: ExpertiseRequest.View(request, domain: domainName(request.domainCode),
                                           wilaya: reference.wilaya(request.wilayaCode)?.name(in: req.language),
                                           language: req.t("person.language." + request.language)),
            matches: lines, actions: actions,
            canAssign: ProjectWorkflows.expertise.actions(from: request.state, for: user).contains { $0.action == "assign" },
            showRanking: isStaff, isExpert: isExpert,
            messages: messages.map {
                MessageLine(kind: $0.kind.rawValue, author: authors.name(of: $0.authorUserID, stored: ""), body: $0.body,
                            at: $0.createdAt)
            },
            contacts: try await ExpertiseContacts.load(for: request, reader: req.reader, on: req.db),
            expertSex: try await request.expertID.asyncMap { try await Person.find($0, on: req.db) }?.sex?.rawValue,
            steps: .make(ProjectWorkflows.expertise, actions: actions,
                         url: ProjectsSiteURL.expertise.path(in: req.language) + "/" + requestID.uuidString + "/transitions",
                         id: "step", sent: step, style: Self.stepStyle, csrf: page.csrf, req),
            attachments: .make("expertise", requestID,
                               attachments: try await AttachmentStore.list("expertise", [requestID], on: req.db),
                               canAttach: ![.completed, .cancelled].contains(request.state), page: page, req),
            history: try await WorkflowStepView.history(workflow: "expertise", subjectID: request.requireID(), on: req.db)),
            status: status)
    }

    func matchLines(_ req: Request, _ request: ExpertiseRequest, reference: ReferenceData,
                    domainName: (String) -> String) async throws -> [MatchLine] {
        try await ExpertiseService.matches(for: request, on: req.db).map { match in
            MatchLine(id: match.candidate.id.uuidString, name: match.candidate.name, sex: match.candidate.sex?.rawValue,
                      score: match.score,
                      reasons: match.reasons.map { reason in
                          let argument: String
                          switch reason.code {
                          case "domain", "related_domain": argument = domainName(reason.argument)
                          case "wilaya": argument = reference.wilaya(reason.argument)?.name(in: req.language) ?? reason.argument
                          case "language": argument = req.t("person.language." + reason.argument)
                          default: argument = ""
                          }
                          return req.t("expertise.reason." + reason.code, for: match.candidate.sex, argument, "\(reason.points)")
                      }, assigned: match.candidate.id == request.expertID)
        }
    }

    /// Each step says in writing what it brings (the advice, the question, the feedback…); the answer has room.
    static let stepStyle: WorkflowStepForms.Style = {
        var style = WorkflowStepForms.Style()
        style.reasonKey = { "expertise.step_text." + $0 }
        style.rows = { $0 == "answer" ? 10 : 3 }
        style.extra = { action, form, req in
            action == "complete" ? [FormFieldView("rating", label: req.t("expertise.rating"), in: form, numeric: true)] : []
        }
        return style
    }()

    @Sendable func stepExpertise(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let request = try await req.find(ExpertiseRequest.self, id: "id", orElse: ProjectsError.expertiseRequestNotFound)
        let form = try req.form(StepForm.self)
        let action = form.action ?? ""
        let confirmation = StepConfirmation(
            subject: request.subject,
            back: ProjectsSiteURL.expertise.path(in: req.language) + "/" + (try request.requireID()).uuidString,
            reasonKey: "expertise.step_text." + action)
        return try await req.takingStep(ProjectWorkflows.expertise, from: request.state, form: form,
                                        confirmation: confirmation) {
            var unread: [FieldError] = []
            let rating = FormText.optionalInteger(form.rating, field: "rating", into: &unread)
            guard unread.isEmpty else { throw ValidationFailure(unread) }
            try await ExpertiseService.step(request, action: form.action ?? "", reason: form.reason,
                                            expertID: FormText.id(form.expertID), rating: rating, by: user,
                                            on: req.db, now: req.now, messaging: req.messaging)
            return req.seeOther(ProjectsSiteURL.expertise.path(in: req.language) + "/" + (try request.requireID()).uuidString)
        } refused: { state in
            // The request as it was before the refused step.
            let fresh = try await ExpertiseRequest.find(request.requireID(), on: req.db) ?? request
            return try await renderExpertise(req, fresh, step: .init(action: action, form: state))
        }
    }
}
