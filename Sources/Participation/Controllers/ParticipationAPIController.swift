import Fluent
import Platform
import Vapor

/// `/api/v1/processes`, `/api/v1/proposals` (+ endorsements, answer, study, merge, project), `/api/v1/comments`,
/// `/api/v1/debates`, `/api/v1/reports`, `/api/v1/moderation`, `/api/v1/follows`.
struct ParticipationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let processes = api.grouped("processes")
        processes.get(use: processList)
        processes.post(use: createProcess)
        processes.get(":id", use: process)
        processes.put(":id", use: updateProcess)
        processes.post(":id", "answers", use: publishAnswers)
        let proposals = api.grouped("proposals")
        proposals.get(use: proposalList)
        proposals.post(use: createProposal)
        proposals.get("similar", use: similar)
        proposals.get(":id", use: proposal)
        proposals.patch(":id", use: editProposal)
        proposals.post(":id", "transitions", use: proposalStep)
        proposals.post(":id", "endorsements", use: endorse)
        proposals.delete(":id", "endorsements", use: takeBack)
        proposals.post(":id", "endorsements", "assisted", use: endorseAssisted)
        proposals.post(":id", "evaluators", use: assign)
        proposals.put(":id", "evaluation", use: evaluate)
        proposals.post(":id", "answer", use: answer)
        proposals.post(":id", "merge", use: merge)
        proposals.post(":id", "project", use: makeProject)
        let comments = api.grouped("comments")
        comments.get(use: commentList)
        comments.post(use: postComment)
        comments.get(":id", "replies", use: replies)
        comments.patch(":id", use: editComment)
        let debates = api.grouped("debates")
        debates.get(use: debateList)
        debates.post(use: openDebate)
        debates.get(":id", use: debate)
        debates.post(":id", "close", use: closeDebate)
        api.post("reports", use: report)
        api.post("moderation", "actions", use: moderate)
        api.post("moderation", "suspensions", use: suspend)
        api.post("follows", use: follow)
        api.delete("follows", use: unfollow)
    }

    // MARK: processes

    @Sendable func processList(req: Request) async throws -> Paged<ProcessDTO> {
        let page = try PageQuery(from: req)
        let q = try SearchText.read(req)
        var query = ParticipatoryProcess.query(on: req.db)
        if !q.isEmpty { query = query.filter(\.$slug ~~ q.lowercased()) }
        let total = try await query.count()
        var items: [ProcessDTO] = []
        for process in try await query.sort(\.$createdAt, .descending).sort(\.$id).range(page.range).all() {
            items.append(try await ProcessDTO.make(process, req))
        }
        return Paged(items: items, request: page, total: total)
    }

    static func process(_ req: Request) async throws -> ParticipatoryProcess {
        try await req.find(ParticipatoryProcess.self, "id", orElse: ParticipationError.processNotFound)
    }

    @Sendable func process(req: Request) async throws -> ProcessDTO {
        try await ProcessDTO.make(try await Self.process(req), req)
    }

    @Sendable func createProcess(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await ProcessService.create(try req.content.decode(ProcessInput.self), by: user, on: req.db,
                                                      now: req.now)
        return try await ProcessDTO.make(process, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func updateProcess(req: Request) async throws -> ProcessDTO {
        let user = try req.requireUser()
        let process = try await Self.process(req)
        try await ProcessService.update(process, try req.content.decode(ProcessInput.self), by: user, on: req.db,
                                        now: req.now, messaging: req.messaging)
        return try await ProcessDTO.make(process, req)
    }

    struct PublishBody: Content {
        var publishOn: String?
    }

    struct PublishAnswer: Content {
        let published: Int
    }

    @Sendable func publishAnswers(req: Request) async throws -> PublishAnswer {
        let user = try req.requireUser()
        let body = try req.content.decode(PublishBody.self)
        return PublishAnswer(published: try await AnswerService.publishAll(
            in: try await Self.process(req), on: body.publishOn, by: user, on: req.db, now: req.now,
            messaging: req.messaging))
    }

    // MARK: proposals

    @Sendable func proposalList(req: Request) async throws -> Response {
        var filter = try await ProposalFilter.from(req)
        let page = try PageQuery(from: req)
        // Counts are hidden only by processes that hide them while endorsing is open, for viewers who do not
        // organise them: only those few processes are looked at, not every process on each call.
        var hidden = Set<UUID>()
        var index: ProposalIndex?
        if let snapshot = filter.snapshot {
            // One process, as the room's cache holds it, and its list index.
            let today = ISODate.string(req.now)
            if !ProcessView.countsVisible(snapshot.process, current: snapshot.phases.first { $0.isCurrent(on: today) }),
               try await !ParticipationPolicy.isOrganizer(req.currentUser, of: snapshot.process, on: req.db) {
                hidden.insert(snapshot.id)
            }
            index = try await req.application.participationCache.index(snapshot.id, revision: snapshot.revision, on: req.db)
        } else {
            for process in try await ParticipatoryProcess.query(on: req.db).filter(\.$countsVisible == false).all() {
                let current = try await ProcessService.currentPhase(of: process, on: req.db, now: req.now)
                let organizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
                if !ProcessView.countsVisible(process, current: current), !organizer { hidden.insert(try process.requireID()) }
            }
        }
        if filter.sort == .mostEndorsed, !hidden.isEmpty { filter.sort = .recent }
        let hiddenCounts = hidden
        let (rows, total) = try await ProposalList.page(filter, viewer: req.currentUser,
                                                        countsShown: { !hiddenCounts.contains($0) }, page: page,
                                                        index: index, on: req.db)
        let paged = Paged(items: rows, request: page, total: total)
        // From one process's index, the answer is the same for this address at this revision, whoever asks with
        // the same counts shown and the same support among these rows: written once, kept by the room's cache.
        guard let index, !filter.mine, !filter.endorsed else { return try await paged.encodeResponse(for: req) }
        let key = (["proposals-json", req.url.string, String(index.revision), hiddenCounts.isEmpty ? "" : "hidden"]
                   + rows.filter(\.endorsedByViewer).map(\.id.uuidString)).joined(separator: "\u{1F}")
        return try req.application.participationCache.json(key, paged)
    }

    @Sendable func proposal(req: Request) async throws -> ProposalDTO {
        try await ProposalDTO.make(try await ProposalsWebController.proposal(req), req)
    }

    @Sendable func createProposal(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let proposal = try await ProposalService.create(try req.content.decode(ProposalInput.self), by: user, on: req.db,
                                                        now: req.now)
        return try await ProposalDTO.make(proposal, req).encodeResponse(status: .created, for: req)
    }

    struct EditBody: Content {
        var title: String?
        var body: String?
        var wilayaCode: String?
        var domainCode: String?
        var organizationID: UUID?
        var reason: String?
    }

    @Sendable func editProposal(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        let body = try req.content.decode(EditBody.self)
        var input = ProposalInput()
        input.processID = proposal.processID
        input.title = body.title ?? proposal.title
        input.body = body.body ?? proposal.body
        input.wilayaCode = body.wilayaCode ?? proposal.wilayaCode
        input.domainCode = body.domainCode ?? proposal.domainCode
        input.organizationID = body.organizationID ?? proposal.organizationID
        try await ProposalService.edit(proposal, input, reason: body.reason, by: user, on: req.db, now: req.now,
                                       messaging: req.messaging)
        return try await ProposalDTO.make(proposal, req)
    }

    @Sendable func similar(req: Request) async throws -> [SimilarProposal] {
        var errors: [FieldError] = []
        let process = try await req.query[String.self, at: "process"].asyncMap {
            try await ParticipatoryProcess.find(idOrSlug: $0, on: req.db)
        }
        if process == nil { errors.append(FieldError("process", "validation.invalid_choice")) }
        let title = req.query[String.self, at: "title"] ?? ""
        let body = req.query[String.self, at: "body"] ?? ""
        if title.count + body.count > 6200 { errors.append(FieldError("body", "validation.too_long", "6000")) }
        guard errors.isEmpty, let process else { throw ValidationFailure(errors) }
        return try await ProposalService.similar(title: title, body: body, processID: try process.requireID(), on: req.db)
    }

    @Sendable func proposalStep(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        let input = try req.content.decode(StepInput.self)
        switch input.action ?? "" {
        case "publish": try await ProposalService.publish(proposal, by: user, on: req.db, now: req.now)
        case "withdraw": try await ProposalService.withdraw(proposal, by: user, on: req.db, now: req.now,
                                                              messaging: req.messaging)
        case "merge": throw ValidationFailure([FieldError("action", "validation.invalid_choice")])
        case let action where action.hasPrefix("answer_"):
            throw ValidationFailure([FieldError("action", "validation.invalid_choice")])
        case let action: throw WorkflowError.unknownAction(action)
        }
        return try await ProposalDTO.make(proposal, req)
    }

    struct EndorseBody: Content {
        var demographics: Demographics?
    }

    @Sendable func endorse(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        let body = (try? req.content.decode(EndorseBody.self)) ?? EndorseBody()
        let endorsed = try await EndorsementService.endorse(proposal, by: user, demographics: body.demographics, on: req.db,
                                                            now: req.now, messaging: req.messaging)
        return try await ProposalDTO.make(endorsed, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func takeBack(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        return try await ProposalDTO.make(try await EndorsementService.withdraw(try await ProposalsWebController.proposal(req), by: user,
                                                                                on: req.db, now: req.now), req)
    }

    @Sendable func endorseAssisted(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let endorsed = try await EndorsementService.endorseAssisted(
            try await ProposalsWebController.proposal(req), try req.content.decode(AssistedInput.self), by: user, on: req.db, now: req.now,
            messaging: req.messaging)
        return try await ProposalDTO.make(endorsed, req).encodeResponse(status: .created, for: req)
    }

    struct AssignBody: Content {
        var evaluatorID: UUID?
    }

    @Sendable func assign(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        try await AnswerService.assign(proposal, evaluatorID: try req.content.decode(AssignBody.self).evaluatorID, by: user,
                                       on: req.db, now: req.now, messaging: req.messaging)
        return try await ProposalDTO.make(proposal, req)
    }

    @Sendable func evaluate(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        try await AnswerService.evaluate(proposal, try req.content.decode(AnswerService.EvaluationInput.self), by: user,
                                         on: req.db, now: req.now)
        return try await ProposalDTO.make(proposal, req)
    }

    @Sendable func answer(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let proposal = try await ProposalsWebController.proposal(req)
        try await AnswerService.answer(proposal, try req.content.decode(AnswerService.AnswerInput.self), by: user,
                                       on: req.db, now: req.now, messaging: req.messaging)
        return try await ProposalDTO.make(proposal, req)
    }

    struct MergeBody: Content {
        var sourceIDs: [UUID]?
        var reason: String?
    }

    @Sendable func merge(req: Request) async throws -> ProposalDTO {
        let user = try req.requireUser()
        let target = try await ProposalsWebController.proposal(req)
        let body = try req.content.decode(MergeBody.self)
        let ids = body.sourceIDs ?? []
        let sources = try await Proposal.query(on: req.db).filter(\.$id ~~ ids).all()
        if sources.count != Set(ids).count { throw ValidationFailure([FieldError("source_ids", "validation.invalid_choice")]) }
        try await AnswerService.merge(sources, into: target, reason: body.reason, by: user, on: req.db, now: req.now,
                                      messaging: req.messaging)
        return try await ProposalDTO.make(target, req)
    }

    struct ProjectMade: Content {
        let projectID: UUID
        let slug: String
    }

    @Sendable func makeProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await AnswerService.makeProject(try await ProposalsWebController.proposal(req),
                                                          try req.content.decode(ProjectFromProposal.self), by: user,
                                                          on: req.db, now: req.now, messaging: req.messaging)
        return try await ProjectMade(projectID: try project.requireID(), slug: project.slug)
            .encodeResponse(status: .created, for: req)
    }
}
