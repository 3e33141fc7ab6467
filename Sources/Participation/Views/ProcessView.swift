import Directory
import Fluent
import Platform
import Vapor

/// A process as its pages show it: title, organiser, scope, phases and what is open now, and its rules written as
/// sentences made from its settings.
struct ProcessView: Encodable, Sendable {
    struct PhaseLine: Encodable, Sendable {
        let kind: String
        let startsOn: String
        let endsOn: String
        let opens: String
        let current: Bool
        let past: Bool
    }

    let id: String
    let slug: String
    let title: LocalizedText
    let description: LocalizedText
    let organizer: String
    let organizerSlug: String
    let scope: String
    let phases: [PhaseLine]
    /// "The deliberation phase, until 30 April 2026" or "no phase is in progress".
    let now: String
    /// What the current phase opens, as a sentence; nil when nothing is open.
    let openNow: String?
    let rules: [String]
    let openings: [String]
    let countsShown: Bool

    static func make(_ process: ParticipatoryProcess, phases: [ProcessPhase], organizerView: Bool, _ req: Request)
        async throws -> ProcessView
    {
        try await make(process, phases: phases, organizer: try await Organization.find(process.organizerID, on: req.db),
                       organizerView: organizerView, req)
    }

    /// From a snapshot of the room's cache (``ParticipationCache/ProcessSnapshot``).
    /// Kept by the room's cache per process revision, language, day and kind of viewer (its sentences are
    /// written from the settings, the catalog and the day).
    static func make(_ snapshot: ParticipationCache.ProcessSnapshot, organizerView: Bool, _ req: Request) async throws
        -> ProcessView
    {
        let key = [snapshot.id.uuidString, String(snapshot.revision), String(snapshot.names), req.language.rawValue,
                   organizerView ? "o" : "",
                   ISODate.string(req.now)].joined(separator: "\u{1F}")
        let cache = req.application.participationCache
        if let view = cache.processView(key) { return view }
        let view = try await make(snapshot.process, phases: snapshot.phases, organizer: snapshot.organizer,
                                  organizerView: organizerView, req)
        cache.storeProcessView(key, view)
        return view
    }

    static func make(_ process: ParticipatoryProcess, phases: [ProcessPhase], organizer: Organization?,
                     organizerView: Bool, _ req: Request) async throws -> ProcessView
    {
        let reference = try await req.referenceData()
        let today = ISODate.string(req.now)
        let current = phases.first { $0.isCurrent(on: today) }
        let scope = process.isNational ? req.t("participation.scope_national")
            : req.t("participation.scope_wilayas", ListText.join(process.wilayaScope.map {
                reference.wilaya($0)?.name(in: req.language) ?? $0 }, req))
        let openings = current?.openings.sorted() ?? []
        let openNow = openings.isEmpty ? nil : req.t("participation.open_now",
                                                     ListText.join(openings.map { req.t("participation.opening." + $0.rawValue) }, req),
                                                     current?.endsOn ?? "")
        let now: String
        if let current {
            now = req.t("participation.phase_now", req.t("participation.phase." + current.kind.rawValue), current.endsOn)
        } else if let next = phases.first(where: { $0.startsOn > today }) {
            now = req.t("participation.phase_next", req.t("participation.phase." + next.kind.rawValue), next.startsOn)
        } else {
            now = req.t("participation.phase_none")
        }
        let countsShown = countsVisible(process, current: current) || organizerView
        return ProcessView(
            id: try process.requireID().uuidString, slug: process.slug,
            title: LocalizedText(process.title, in: req.language), description: LocalizedText(process.details, in: req.language),
            organizer: organizer.map { LocalizedText($0.name, in: req.language).text } ?? "",
            organizerSlug: organizer?.slug ?? "", scope: scope,
            phases: phases.map {
                PhaseLine(kind: $0.kind.rawValue, startsOn: $0.startsOn, endsOn: $0.endsOn,
                          opens: ListText.join($0.openings.sorted().map { req.t("participation.opening." + $0.rawValue) }, req),
                          current: $0.isCurrent(on: today), past: $0.endsOn < today)
            },
            now: now, openNow: openNow, rules: rules(process, phases: phases, organizer: organizer, req),
            openings: openings.map(\.rawValue), countsShown: countsShown)
    }

    /// Counts show unless the organiser hid them while endorsing is open.
    static func countsVisible(_ process: ParticipatoryProcess, current: ProcessPhase?) -> Bool {
        process.countsVisible || current?.openings.contains(.endorse) != true
    }

    /// The rules of endorsing and proposing, each a sentence made from the settings (never hand-written).
    static func rules(_ process: ParticipatoryProcess, phases: [ProcessPhase], organizer: Organization?, _ req: Request)
        -> [String]
    {
        let organizerName = organizer.map { LocalizedText($0.name, in: req.language).text } ?? ""
        var rules = [req.tn("participation.rule.threshold", process.endorsementThreshold, organizerName)]
        if let limit = process.endorsementsPerPerson {
            rules.append(req.tn("participation.rule.endorsement_limit", limit))
        } else {
            rules.append(req.t("participation.rule.endorsement_no_limit"))
        }
        rules.append(req.t("participation.rule.take_back"))
        if let limit = process.proposalsPerPerson { rules.append(req.tn("participation.rule.proposal_limit", limit)) }
        if !process.countsVisible {
            let lastEndorsing = phases.filter { $0.openings.contains(.endorse) }.map(\.endsOn).max()
            rules.append(lastEndorsing.map { req.t("participation.rule.counts_hidden_until", $0) }
                         ?? req.t("participation.rule.counts_hidden"))
        }
        if process.premoderation { rules.append(req.t("participation.rule.premoderation")) }
        return rules
    }
}

/// What a page about one of the process's proposals shows of the process (its title, where it stands, its rules):
/// the rest of ``ProcessView`` is not passed to those pages' templates.
struct ProcessHeading: Encodable {
    let title: LocalizedText
    let now: String
    let openNow: String?
    let rules: [String]

    init(_ view: ProcessView) {
        title = view.title
        now = view.now
        openNow = view.openNow
        rules = view.rules
    }
}

/// Lists in a sentence as each language writes them: "أ، ب و ج", "a, b et c", "a, b and c".
enum ListText {
    static func join(_ items: [String], _ req: Request) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: req.t("list.separator")) + req.t("list.last_separator")
            + (items.last ?? "")
    }
}
