import Agreements
import Capacity
import Directory
import Foundation
import Insights
import Participation
import Platform
import Projects
import ShabakaTestSupport
import Testing

/// Every user-visible string goes through the catalogs: these tests fail on a key missing from any
/// language, and on a key that nothing uses.
@Suite("Translation catalogs")
struct I18nCatalogTests {
    let catalog: Catalog

    init() throws {
        catalog = try Catalog.load(from: repositoryRoot + "Resources/Locales")
    }

    /// Keys built at run time from enum values and status codes.
    var dynamicKeys: Set<String> {
        var keys: Set<String> = ["language.name"]
        keys.formUnion(Role.allCases.map { "role." + $0.rawValue })
        keys.formUnion(OrganizationKind.allCases.map { "organization.kind." + $0.rawValue })
        keys.formUnion(OutboxMessage.Status.allCases.map { "outbox.status." + $0.rawValue })
        keys.formUnion((DirectoryRoom.workQueues + ProjectsRoom.workQueues + ParticipationRoom.workQueues)
            .map { "admin.work." + $0.key })
        keys.formUnion(["string", "number", "boolean", "array", "object"].map { "type." + $0 })
        keys.formUnion((1...12).map { "month.\($0)" })
        keys.formUnion(InfoPagesController.catalogKeys)
        keys.formUnion(InsightsRoom.catalogKeys)
        let platformErrors: [PlatformError] = [
            .signInRequired, .forbidden(permission: .readOutbox), .csrfMismatch, .tooManyAttempts(retryAfterSeconds: 1), .rateLimited(limit: 1, retryAfterSeconds: 1),
            .invalidCredentials, .invalidToken, .resetTokenInvalid, .notFound, .payloadTooLarge(limit: 1),
            .confirmationLinkInvalid, .emailUnconfirmed, .submissionInProgress, .idempotencyKeyReused, .attachmentNotAllowed,
        ]
        keys.formUnion(platformErrors.map(\.messageKey))
        keys.formUnion(["400", "401", "403", "404", "405", "413", "415", "422", "429", "500", "503"].map { "error.status." + $0 })
        let workflowErrors: [WorkflowError] = [
            .notAllowed(workflow: "", action: "", state: "", allowed: []), .notAllowed(workflow: "", action: "", state: "", allowed: ["x"]),
            .roleNotAllowed(workflow: "", action: "", roles: []), .reasonRequired, .unknownAction(""), .changedMeanwhile,
        ]
        keys.formUnion(workflowErrors.map(\.messageKey))
        keys.formUnion(workflowKeys(MembershipWorkflows.application, extraActions: ["submit"]))
        keys.formUnion(workflowKeys(MembershipWorkflows.membership, extraActions: ["admit"]))
        let directoryErrors: [DirectoryError] = [
            .organizationNotFound, .applicationNotFound, .membershipNotFound, .personNotFound, .notANetwork,
            .notRepresentative, .notYourApplication, .applicationAlreadyOpen, .alreadyMember,
            .checklistIncomplete(missing: []), .checklistClosed, .organizationNotVerified, .notActingForOrganization,
            .alreadyRepresentative, .representationAlreadyOpen, .representationNotFound, .representativeNotFound,
            .invitationInvalid, .invitationForAnotherAddress, .lastRepresentative,
        ]
        keys.formUnion(directoryErrors.map(\.messageKey))
        keys.formUnion(workflowKeys(OrganizationWorkflows.verification, extraActions: ["register"]))
        keys.formUnion(workflowKeys(OrganizationWorkflows.representation, extraActions: ["ask", "invite"]))
        keys.formUnion(["verified", "rejected"].map { "notification.organization_" + $0 })
        keys.formUnion(["approved", "declined", "withdrawn"].map { "notification.representation_" + $0 })
        keys.formUnion(["approved", "declined"].map { "notification.invitation_" + $0 })
        keys.formUnion(OrganizationVerification.allCases.map { "organization.verification_explain." + $0.rawValue })
        keys.formUnion(MembershipChecklist.items.map { "membership.checklist." + $0 })
        keys.formUnion(ApplicationState.allCases.filter { $0 != .submitted }.map { "notification.application_" + $0.rawValue })
        keys.insert("notification.application_submitted")
        keys.formUnion(MembershipState.allCases.map { "notification.membership_" + $0.rawValue })
        keys.formUnion(PersonProfileKind.allCases.map { "person.kind." + $0.rawValue })
        keys.formUnion(PersonSex.allCases.map { "person.sex." + $0.rawValue })
        // Labels about a person in the form that agrees with their sex (`Catalog.genderedKey`).
        keys.formUnion(PersonProfileKind.allCases.map { "person.kind.\($0.rawValue).f" })
        keys.formUnion(["person.availability.available.f", "person.availability.unavailable.f", "expertise.assign.f",
                        "expertise.assigned.f", "expertise.contact.expert.f", "expertise.reason.wilaya.m"])
        keys.formUnion(["domain", "related_domain", "wilaya", "language", "available"].map { "expertise.reason.\($0).f" })
        keys.formUnion(Availability.allCases.map { "person.availability." + $0.rawValue })
        keys.formUnion(["ar", "fr", "en", "tzm"].map { "person.language." + $0 })
        keys.formUnion(RepresentativeRole.allCases.map { "representative.role." + $0.rawValue })
        keys.formUnion(workflowKeys(AgreementWorkflows.agreement, extraActions: ["create", "edit"]))
        keys.formUnion(workflowKeys(AgreementWorkflows.commitment, extraActions: ["plan"]))
        keys.formUnion(AgreementKind.allCases.map { "agreement.kind." + $0.rawValue })
        keys.formUnion(ActivityState.allCases.map { "activity.state." + $0.rawValue })
        keys.formUnion(ProgressStatus.allCases.map { "progress.status." + $0.rawValue })
        keys.formUnion(IndicatorDirection.allCases.map { "indicator.direction." + $0.rawValue })
        keys.formUnion(IndicatorAggregation.allCases.map { "indicator.aggregation." + $0.rawValue })
        keys.formUnion(StrategyAuthoring.disaggregationKeys.map { "indicator.disaggregation." + $0 })
        keys.formUnion(["create", "edit", "add_axis", "add_objective", "add_indicator", "edit_indicator", "add_plan",
                        "add_activity", "edit_activity"]
            .map { "workflow.strategy.action." + $0 })
        let agreementErrors: [AgreementsError] = [
            .agreementNotFound, .commitmentNotFound, .strategyNotFound, .indicatorNotFound, .actionPlanNotFound,
            .ownerNotAParty, .periodOutsideStrategy, .notTheCommitmentOwner, .notAParty,
        ]
        keys.formUnion(agreementErrors.map(\.messageKey))
        keys.formUnion(workflowKeys(ProjectWorkflows.project, extraActions: ["create", "edit"]))
        keys.formUnion(workflowKeys(ProjectWorkflows.difficulty, extraActions: ["report", "propose"]))
        keys.formUnion(workflowKeys(ProjectWorkflows.expertise, extraActions: ["request"]))
        keys.formUnion(workflowKeys(ProjectWorkflows.pledge, extraActions: ["pledge", "fulfil"]))
        keys.formUnion(ProjectState.allCases.map { "notification.project_" + $0.rawValue })
        keys.formUnion(DifficultyCategory.allCases.map { "difficulty.category." + $0.rawValue })
        keys.formUnion(DifficultySeverity.allCases.map { "difficulty.severity." + $0.rawValue })
        keys.formUnion(["diagnose", "resolve", "escalate"].map { "difficulty.step_text." + $0 })
        keys.formUnion(["diagnose", "resolve", "escalate"].map { "notification.difficulty_step_" + $0 })
        let expertiseSteps = ProjectWorkflows.expertise.transitions.map(\.action)
        keys.formUnion(expertiseSteps.filter { !["assign", "accept"].contains($0) }.map { "expertise.step_text." + $0 })
        keys.formUnion(expertiseSteps.map { "notification.expertise_" + $0 })
        keys.formUnion(["advice", "question"].map { "expertise.message." + $0 })
        keys.formUnion(["domain", "related_domain", "wilaya", "language", "available", "limited"].map { "expertise.reason." + $0 })
        keys.formUnion(EvaluationPhase.allCases.map { "evaluation.phase." + $0.rawValue })
        keys.formUnion(DACCriterion.allCases.map { "evaluation.criterion." + $0.rawValue })
        keys.formUnion(PledgeKind.allCases.map { "pledge.kind." + $0.rawValue })
        keys.formUnion(CooperationNature.allCases.map { "cooperation.nature." + $0.rawValue })
        keys.formUnion(["DZD", "EUR", "USD"].map { "currency." + $0 })
        let projectErrors: [ProjectsError] = [
            .projectNotFound, .difficultyNotFound, .expertiseRequestNotFound, .pledgeNotFound, .notYourProject, .notACompany,
            .notAPartner, .reportAlreadyFiled(period: ""), .reportNotAllowed, .evaluationAlreadyRecorded,
            .evaluationNotAllowed, .pledgeNotOpen, .deliveryExceedsPledge, .evaluationRequired, .notAMember, .projectNotOpen,
            .companyPledgeLimit, .notTheAssignedExpert, .notADraft,
        ]
        keys.formUnion(projectErrors.map(\.messageKey))
        // Participation: processes, proposals, comments, moderation.
        keys.formUnion(workflowKeys(ParticipationWorkflows.proposal, extraActions: ["create"]))
        keys.formUnion(ProposalState.allCases.map { "participation.proposal_state." + $0.rawValue })
        keys.formUnion(PhaseKind.allCases.map { "participation.phase." + $0.rawValue })
        keys.formUnion(PhaseOpening.allCases.map { "participation.opening." + $0.rawValue })
        keys.formUnion(Stance.allCases.map { "participation.stance." + $0.rawValue })
        keys.formUnion(AgeGroup.allCases.map { "participation.age_group." + $0.rawValue })
        keys.formUnion(AssistedInput.documentKinds.map { "participation.document." + $0 })
        keys.formUnion(Feasibility.allCases.map { "participation.feasibility." + $0.rawValue })
        keys.formUnion(ReportReason.allCases.map { "participation.report_reason." + $0.rawValue })
        keys.formUnion(ReportSubject.allCases.map { "participation.report_subject." + $0.rawValue })
        keys.formUnion(ProposalFilter.Sort.allCases.map { "participation.sort." + $0.rawValue })
        keys.formUnion(CommentThread.Order.allCases.map { "participation.comments_order." + $0.rawValue })
        let participationErrors: [ParticipationError] = [
            .processNotFound, .proposalNotFound, .debateNotFound, .commentNotFound, .notOpen(opening: ""), .outOfScope,
            .alreadyEndorsed, .notEndorsed, .thresholdReached, .endorsementLimit(limit: 1), .proposalLimit(limit: 1),
            .notTheAuthor, .notEndorsable, .textLocked, .suspended(until: ""), .tooDeep, .debateClosed, .notAnEvaluator,
            .alreadyReported, .secretMissing, .notTheOrganizer,
        ]
        keys.formUnion(participationErrors.map(\.messageKey))
        // Surveys (Participation, which this target does not import): their states, steps, kinds and choices.
        keys.formUnion(["draft", "open", "closed"].map { "workflow.survey.state." + $0 })
        keys.formUnion(["open", "close"].map { "workflow.survey.action." + $0 })
        keys.formUnion(["single_choice", "multiple_choice", "scale", "short_text", "long_text"].map { "survey.kind." + $0 })
        keys.formUnion(["live", "at_close"].flatMap { ["survey.visibility." + $0, "survey.visibility_explain." + $0,
                                                        "survey.next." + $0] })
        keys.formUnion(["draft", "closed", "not_yet", "over"].map { "survey.not_accepting." + $0 })
        keys.formUnion(["wilaya", "sex"].flatMap { ["survey.breakdown." + $0, "survey.breakdown_caption." + $0,
                                                     "survey.group." + $0] })
        keys.formUnion(["not_found", "not_the_organizer", "not_open", "already_answered", "link_invalid", "results_at_close",
                        "results_on"].map { "error.survey." + $0 })
        // Participatory-budgeting elections (Participation).
        keys.formUnion(["draft", "scheduled"].map { "workflow.budget_election.state." + $0 })
        keys.formUnion(["workflow.budget_election.action.schedule"])
        keys.formUnion(["draft", "upcoming", "open", "closed"].map { "election.phase." + $0 })
        keys.formUnion(["greedy", "mes", "mes-add1", "mes-add1-greedy"].flatMap { ["election.rule." + $0,
                                                                               "election.rule_explain." + $0] })
        keys.formUnion(["within_budget", "approval"].flatMap { ["election.ballot_kind." + $0,
                                                                "election.ballot_kind_explain." + $0] })
        keys.formUnion(["online", "assisted", "station"].map { "election.channel." + $0 })
        keys.formUnion(["channel", "wilaya", "sex", "age_group"].flatMap { ["election.turnout_by." + $0,
                                                                            "election.turnout_group." + $0] })
        keys.formUnion(["greedy_funded", "greedy_skipped", "completion_funded", "completion_skipped", "mes_funded",
                        "mes_unaffordable", "mes_no_supporters", "exclusive"].map { "election.explain." + $0 })
        keys.formUnion(["not_found", "budget_not_found", "not_the_organizer", "not_draft", "not_yet_open", "closed",
                        "not_eligible.scope", "not_eligible.age", "too_few", "too_many", "over_budget", "unknown_project",
                        "too_many_budgets", "results_at_close", "incomplete.no_projects", "incomplete.closes_in_past",
                        "not_an_officer", "voted_online", "already_checked_in", "checked_in", "station_counted",
                        "not_closed_yet", "stations_counting", "more_ballots_than_voters", "station_not_found",
                        "not_funded", "already_a_project"]
            .map { "error.election." + $0 })
        // Polls and assemblies (Participation).
        let methods = ["plurality", "approval", "schulze"]
        keys.formUnion(methods.flatMap { ["poll.method." + $0, "poll.method_explain." + $0, "poll.choose." + $0,
                                          "poll.results_caption." + $0, "poll.score." + $0] })
        keys.formUnion(["upcoming", "open", "closed"].map { "poll.phase." + $0 })
        keys.formUnion(["live", "at_close"].flatMap { ["poll.visibility." + $0, "poll.visibility_explain." + $0,
                                                        "poll.results_hidden." + $0] })
        keys.formUnion(["abstained", "absent"].map { "poll.roll." + $0 })
        keys.formUnion(["equal", "declared"].map { "assembly.weight_rule." + $0 })
        keys.formUnion(["not_found", "not_the_organizer", "not_yet_open", "closed", "started", "not_closed",
                        "abstain_not_allowed", "one_choice", "no_choice", "unknown_option", "repeated_option",
                        "results_at_close"].map { "error.poll." + $0 })
        keys.formUnion(["not_found", "not_a_member", "not_a_representative", "delegation_to_self", "delegation_cycle",
                        "no_delegation"].map { "error.assembly." + $0 })
        keys.formUnion(capacityKeys)
        return keys
    }

    /// The Capacity room's names of kinds, audiences, statuses, steps done and errors.
    var capacityKeys: Set<String> {
        let kinds = EventKind.allCases.map(\.rawValue)
        var keys = Set(kinds.flatMap { ["event.kind." + $0, "certificate.attended." + $0] })
        keys.formUnion(EventAudience.allCases.flatMap { ["event.audience." + $0.rawValue, "event.audience_only." + $0.rawValue] })
        keys.formUnion(RegistrationStatus.allCases.map { "event.status." + $0.rawValue })
        keys.formUnion(["registered", "waitlisted", "cancelled", "attendance", "certificates", "feedback", "needs", "called_off"]
            .map { "event.done." + $0 })
        for dimension in CapacityDimension.allCases {
            keys.insert("assessment.dimension." + dimension.rawValue)
            keys.formUnion((1...4).map { "assessment.level.\(dimension.rawValue).\($0)" })
        }
        keys.formUnion((1...4).map { "assessment.level_name.\($0)" })
        let errors: [CapacityError] = [.eventNotFound, .registrationNotFound, .certificateNotFound, .resourceNotFound,
                                       .notTheOrganizer, .notInAudience, .registrationClosed, .alreadyRegistered, .started,
                                       .notYours, .notRegistered, .notStarted, .notEnded, .noCertificates, .unknownSession,
                                       .capacityBelowRegistered(registered: 1), .notAContributor, .notYourResource, .eventCancelled, .needNotFound]
        keys.formUnion(errors.map(\.messageKey))
        return keys
    }

    func workflowKeys<State: WorkflowState>(_ workflow: Workflow<State>, extraActions: [String]) -> Set<String> {
        var keys = Set(State.allCases.map { "workflow.\(workflow.name).state.\($0.rawValue)" })
        keys.formUnion((workflow.transitions.map(\.action) + extraActions).map { "workflow.\(workflow.name).action.\($0)" })
        return keys
    }

    /// Keys written literally in templates (`#t("…")`) and in Swift sources: with `strict`, only where a key is
    /// certainly meant (`t("…")`, `text("…")`, `titleKey:`, `FieldError`); otherwise any quoted dotted word.
    func literalKeys(strict: Bool = false) throws -> Set<String> {
        var keys = Set<String>()
        let swiftPattern = strict
            ? #"(?:\bt\(|text\(|titleKey: |FieldError\("[a-z_.]+", )"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#
            : #""([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""#
        let patterns = [#"#tg?\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#, swiftPattern]
        for folder in ["Resources/Views", "Sources"] {
            let root = repositoryRoot + folder
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            #expect(files.count > 20, "\(root) has \(files.count) files: the enumeration found nothing to check")
            for file in files where file.hasSuffix(".leaf") || file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for pattern in patterns {
                    let regex = try NSRegularExpression(pattern: pattern)
                    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                        if let range = Range(match.range(at: 1), in: text) { keys.insert(String(text[range])) }
                    }
                }
                // Plural texts (`#tn("key", n)`, `req.tn("key", n)`): one key per plural category.
                let plural = try NSRegularExpression(pattern: #"\btn\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)""#)
                for match in plural.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) {
                        keys.subtract([String(text[range])])
                        keys.formUnion(PluralCategory.allCases.map { String(text[range]) + "." + $0.rawValue })
                    }
                }
            }
        }
        return keys
    }

    @Test func everyLanguageHasTheSameKeys() {
        let english = Set(catalog.entries[.en]?.keys ?? [:].keys)
        for language in SiteLanguage.allCases {
            let keys = Set(catalog.entries[language]?.keys ?? [:].keys)
            #expect(keys.subtracting(english).isEmpty, "\(language) has extra keys: \(keys.subtracting(english).sorted())")
            #expect(english.subtracting(keys).isEmpty, "\(language) misses: \(english.subtracting(keys).sorted())")
        }
    }

    @Test func noTranslationIsEmptyAndPlaceholdersMatch() {
        for (key, english) in catalog.entries[.en] ?? [:] {
            let placeholders = Set((1...5).filter { english.contains("{\($0)}") })
            for language in SiteLanguage.allCases {
                let text = catalog.entries[language]?[key] ?? ""
                #expect(!text.isEmpty, "\(language) \(key) is empty")
                // Arabic writes one and two in words ("مشروع واحد", "مشروعان"): the count may be left out.
                let wordedCount = language == .ar && (key.hasSuffix(".one") || key.hasSuffix(".two"))
                #expect(Set((1...5).filter { text.contains("{\($0)}") }).subtracting(wordedCount ? [1] : [])
                        == placeholders.subtracting(wordedCount ? [1] : []), "\(language) \(key) placeholders")
            }
        }
    }

    @Test func everyKeyUsedInTemplatesAndCodeExists() throws {
        let known = Set(catalog.entries[.en]?.keys ?? [:].keys)
        let missing = try literalKeys(strict: true).subtracting(known)
        #expect(missing.isEmpty, "missing from the catalogs: \(missing.sorted())")
        for key in dynamicKeys {
            #expect(known.contains(key), "dynamic key \(key) missing from the catalogs")
        }
    }

    @Test func noKeyIsUnused() throws {
        let used = try literalKeys().union(dynamicKeys)
        let unused = Set(catalog.entries[.en]?.keys ?? [:].keys).subtracting(used)
        #expect(unused.isEmpty, "unused catalog keys: \(unused.sorted())")
    }
}
