import Directory
import Fluent
import Platform
import Vapor

/// A poll's page: the question and its place, how votes are counted, the voting form while open (with the voter's
/// current vote), the results when shown, and the outcome (the organiser's form after the close).
struct PollPageContext: Encodable {
    struct Forms {
        var vote: FormState = .empty
        var outcome: FormState = .empty
        /// Set on the answer to a vote: its version (1, or more when it replaced earlier ones).
        var voted: Int?
    }

    struct OptionLine: Encodable {
        let position: Int
        let label: String
        let checked: Bool
        let rank: String
    }

    struct ResultLine: Encodable {
        let position: Int
        let label: String
        let score: Int
        let tier: Int
        let winner: Bool
        let share: Int
    }

    struct RollLine: Encodable {
        let name: String
        let weight: Int
        let via: String
        let delegated: Bool
        let vote: String
        let choices: String
    }

    let page: PageMeta
    let id: String
    let title: String
    let description: String
    let lang: String
    let dir: String
    let method: String
    let phase: String
    let resultsVisibility: String
    let allowAbstain: Bool
    let opensAt: Date
    let closesAt: Date
    let path: String
    let place: LocalizedText?
    let placeLink: String?
    let options: [OptionLine]
    let ranks: [String]
    let canVote: Bool
    let signInToVote: Bool
    let representsMember: Bool
    let memberChoices: [ChoiceOption]
    let voteForm: FormState
    let justVoted: Int?
    let mine: String?
    let resultsShown: Bool
    let results: [ResultLine]
    let voted: Int
    let abstentions: Int
    let absent: Int?
    let roll: [RollLine]
    let outcome: String?
    let organizer: Bool
    let mayEdit: Bool
    let mayWriteOutcome: Bool
    let outcomeForm: FormState

    static func path(_ poll: Poll, _ req: Request) -> String {
        PollsSiteURL.polls.path(in: req.language) + "/" + (poll.id?.uuidString ?? "")
    }

    static func make(_ poll: Poll, forms: Forms, _ req: Request) async throws -> PollPageContext {
        let options = try await PollAuthoring.options(of: poll, on: req.db)
        let labels = Dictionary(options.map { ($0.position, $0.label) }, uniquingKeysWith: { first, _ in first })
        let user = req.currentUser
        let mine = try await PollVoting.mine(poll, user: user, on: req.db)
        let current = mine.first
        let organizer = try await PollAuthoring.isOrganizer(user, of: poll, on: req.db)
        var memberChoices: [ChoiceOption] = []
        if let assemblyID = poll.assemblyID, let user {
            let members = Set(try await AssemblyMember.query(on: req.db).filter(\.$assemblyID == assemblyID).all()
                .map(\.organizationID))
            memberChoices = try await Representation.organizations(of: user.id, on: req.db)
                .filter { $0.id.map(members.contains) ?? false }
                .map { ChoiceOption(value: $0.id?.uuidString ?? "", label: LocalizedText($0.name, in: req.language).text,
                                    selected: forms.vote.values["organization_id"] == $0.id?.uuidString) }
        }
        let open = poll.phase(at: req.now) == .open
        let mayVote = poll.assemblyID == nil ? (user?.may(.participate) ?? false) : !memberChoices.isEmpty
        let results = poll.resultsVisible(at: req.now)
            ? try await PollResults.load(poll, options: options, language: req.language, on: req.db, now: req.now) : nil
        let top = max(results?.options.map(\.score).max() ?? 0, 1)
        let chosen = forms.vote.values.isEmpty ? current?.positions ?? [] : []
        let (place, placeLink) = try await Self.place(poll, req)
        func names(_ positions: [Int]) -> String { positions.compactMap { labels[$0] }.joined(separator: " › ") }
        return PollPageContext(
            page: try await PageMeta.make(for: req, titleKey: "poll.show_title", poll.title), id: try poll.requireID().uuidString,
            title: poll.title, description: poll.details, lang: poll.textLanguage.rawValue,
            dir: poll.textLanguage.direction, method: poll.method.rawValue, phase: poll.phase(at: req.now).rawValue,
            resultsVisibility: poll.resultsVisibility.rawValue, allowAbstain: poll.allowAbstain, opensAt: poll.opensAt,
            closesAt: poll.closesAt, path: path(poll, req), place: place, placeLink: placeLink,
            options: options.map { option in
                let rank = chosen.firstIndex(of: option.position).map { String($0 + 1) } ?? ""
                return OptionLine(position: option.position, label: option.label,
                                  checked: chosen.contains(option.position), rank: rank)
            },
            ranks: (1...max(options.count, 1)).map(String.init), canVote: open && mayVote, signInToVote: open && user == nil,
            representsMember: !memberChoices.isEmpty, memberChoices: memberChoices,
            voteForm: forms.vote.prefixed("vote-"), justVoted: forms.voted,
            mine: current.map { $0.abstain ? req.t("poll.you_abstained") : names($0.positions) },
            resultsShown: results != nil,
            results: (results?.options ?? []).sorted { ($0.tier, $0.position) < ($1.tier, $1.position) }.map {
                ResultLine(position: $0.position, label: $0.label, score: $0.score, tier: $0.tier, winner: $0.winner,
                           share: $0.score * 100 / top)
            },
            voted: results?.voted ?? 0, abstentions: results?.abstentions ?? 0, absent: results?.absent,
            roll: (results?.roll ?? []).map {
                RollLine(name: $0.name, weight: $0.weight, via: $0.via.joined(separator: " → "), delegated: $0.via.count > 1,
                         vote: $0.vote, choices: names($0.choices))
            },
            outcome: poll.outcome, organizer: organizer, mayEdit: organizer && req.now < poll.opensAt,
            mayWriteOutcome: organizer && poll.phase(at: req.now) == .closed,
            outcomeForm: forms.outcome.values.isEmpty && forms.outcome.errors.isEmpty
                ? forms.outcome.showing(["outcome": poll.outcome ?? ""]).prefixed("outcome-") : forms.outcome.prefixed("outcome-"))
    }

    /// Where the poll is held: its process, debate or assembly, and the link to it.
    static func place(_ poll: Poll, _ req: Request) async throws -> (LocalizedText?, String?) {
        if let id = poll.assemblyID, let assembly = try await Assembly.find(id, on: req.db) {
            return (LocalizedText(Self.written(assembly.title, in: assembly.textLanguage), in: req.language),
                    PollsSiteURL.assemblies.path(in: req.language) + "/" + id.uuidString)
        }
        var processID = poll.processID
        if let id = poll.debateID, let debate = try await Debate.find(id, on: req.db) { processID = debate.processID }
        guard let processID, let process = try await ParticipatoryProcess.find(processID, on: req.db) else { return (nil, nil) }
        return (LocalizedText(process.title, in: req.language),
                ParticipationSiteURL.processes.path(in: req.language) + "/" + process.slug)
    }

    /// A text written in one language, as a translated text.
    static func written(_ text: String, in language: SiteLanguage) -> Translated {
        switch language {
        case .ar: Translated(ar: text)
        case .fr: Translated(fr: text)
        case .en: Translated(en: text)
        }
    }
}
