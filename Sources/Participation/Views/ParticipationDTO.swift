import Directory
import Fluent
import Platform
import Vapor

/// A process in the API.
public struct ProcessDTO: Content {
    public struct Phase: Content {
        public let kind: String
        public let startsOn: String
        public let endsOn: String
        public let opens: [String]
        public let current: Bool
    }

    public let id: UUID
    public let slug: String
    public let title: Translated
    public let description: Translated
    public let organizerID: UUID
    public let scopeWilayas: [String]
    public let endorsementThreshold: Int
    public let endorsementsPerPerson: Int?
    public let proposalsPerPerson: Int?
    public let countsVisible: Bool
    public let stances: Bool
    public let premoderation: Bool
    public let phases: [Phase]
    /// What the phase in progress opens now (empty when none is).
    public let openNow: [String]
    /// The rules as the page writes them, in the request's language.
    public let rules: [String]

    static func make(_ process: ParticipatoryProcess, _ req: Request) async throws -> ProcessDTO {
        let phases = try await ProcessService.phases(of: process, on: req.db)
        let today = ISODate.string(req.now)
        let organizer = try await Organization.find(process.organizerID, on: req.db)
        return ProcessDTO(
            id: try process.requireID(), slug: process.slug, title: process.title, description: process.details,
            organizerID: process.organizerID, scopeWilayas: process.wilayaScope,
            endorsementThreshold: process.endorsementThreshold, endorsementsPerPerson: process.endorsementsPerPerson,
            proposalsPerPerson: process.proposalsPerPerson, countsVisible: process.countsVisible, stances: process.stances,
            premoderation: process.premoderation,
            phases: phases.map {
                Phase(kind: $0.kind.rawValue, startsOn: $0.startsOn, endsOn: $0.endsOn,
                      opens: $0.openings.sorted().map(\.rawValue), current: $0.isCurrent(on: today))
            },
            openNow: phases.first { $0.isCurrent(on: today) }?.openings.sorted().map(\.rawValue) ?? [],
            rules: ProcessView.rules(process, phases: phases, organizer: organizer, req))
    }
}

/// A proposal in the API: its text, support, versions and (once published) answer.
public struct ProposalDTO: Content {
    public struct Version: Content {
        public let version: Int
        public let title: String
        public let body: String
        public let reason: String
        public let editedAt: Date
    }

    public struct Answer: Content {
        public let state: String
        public let reason: String
        public let publishOn: String?
        public let publishedAt: Date?
    }

    public let id: UUID
    public let processID: UUID
    public let author: String
    public let organizationID: UUID?
    public let title: String
    public let body: String
    public let wilayaCode: String?
    public let domainCode: String?
    public let state: String
    public let version: Int
    public let locked: Bool
    /// nil while the process hides counts.
    public let endorsements: Int?
    public let threshold: Int
    public let thresholdReachedAt: Date?
    public let endorsedByViewer: Bool
    public let comments: Int
    public let hidden: Bool
    public let pendingModeration: Bool
    public let mergedIntoID: UUID?
    public let mergedFrom: [UUID]
    public let projectID: UUID?
    public let versions: [Version]
    /// Published answers for everyone; the organisers also see one waiting for its day.
    public let answer: Answer?
    public let createdAt: Date
    public let publishedAt: Date?
    public let history: [WorkflowStepView]

    static func make(_ proposal: Proposal, _ req: Request) async throws -> ProposalDTO {
        let id = try proposal.requireID()
        guard let process = try await ParticipatoryProcess.find(proposal.processID, on: req.db) else {
            throw ParticipationError.processNotFound
        }
        let isOrganizer = try await ParticipationPolicy.isOrganizer(req.currentUser, of: process, on: req.db)
        let current = try await ProcessService.currentPhase(of: process, on: req.db, now: req.now)
        let countsShown = ProcessView.countsVisible(process, current: current) || isOrganizer
        let names = try await req.reader.authorNames([proposal.authorID], on: req.db)
        let versions = try await ProposalVersion.query(on: req.db).filter(\.$proposalID == id).sort(\.$version).all()
        let mergedFrom = try await Proposal.query(on: req.db).filter(\.$mergedIntoID == id).all().compactMap(\.id)
        let answer: Answer? = proposal.answerState.flatMap { state in
            guard proposal.answerPublishedAt != nil || isOrganizer else { return nil }
            return Answer(state: state.rawValue, reason: proposal.answerReason ?? "", publishOn: proposal.answerPublishOn,
                          publishedAt: proposal.answerPublishedAt)
        }
        return ProposalDTO(
            id: id, processID: proposal.processID, author: names.name(of: proposal.authorID, stored: ""),
            organizationID: proposal.organizationID, title: proposal.hiddenAt == nil ? proposal.title : "",
            body: proposal.hiddenAt == nil ? proposal.body : "", wilayaCode: proposal.wilayaCode,
            domainCode: proposal.domainCode, state: proposal.state.rawValue, version: proposal.version,
            locked: proposal.isLocked, endorsements: countsShown ? proposal.endorsementCount : nil,
            threshold: process.endorsementThreshold, thresholdReachedAt: proposal.thresholdReachedAt,
            endorsedByViewer: try await EndorsementService.endorsed(by: req.currentUser?.id, among: [id], on: req.db).contains(id),
            comments: proposal.commentCount, hidden: proposal.hiddenAt != nil, pendingModeration: proposal.pendingModeration,
            mergedIntoID: proposal.mergedIntoID, mergedFrom: mergedFrom, projectID: proposal.projectID,
            versions: versions.map { Version(version: $0.version, title: $0.title, body: $0.body, reason: $0.reason,
                                             editedAt: $0.editedAt) },
            answer: answer, createdAt: proposal.createdAt, publishedAt: proposal.publishedAt,
            history: try await WorkflowStepView.history(workflow: "proposal", subjectID: id, on: req.db))
    }
}

/// A debate in the API.
public struct DebateDTO: Content {
    public let id: UUID
    public let processID: UUID
    public let title: String
    public let description: String
    public let author: String
    public let comments: Int
    public let conclusion: String?
    public let closedAt: Date?
    public let hidden: Bool
    public let createdAt: Date

    static func make(_ debate: Debate, _ req: Request) async throws -> DebateDTO {
        let names = try await req.reader.authorNames([debate.authorID], on: req.db)
        return DebateDTO(id: try debate.requireID(), processID: debate.processID,
                         title: debate.hiddenAt == nil ? debate.title : "",
                         description: debate.hiddenAt == nil ? debate.details : "",
                         author: names.name(of: debate.authorID, stored: ""), comments: debate.commentCount,
                         conclusion: debate.conclusion, closedAt: debate.closedAt, hidden: debate.hiddenAt != nil,
                         createdAt: debate.createdAt)
    }
}
