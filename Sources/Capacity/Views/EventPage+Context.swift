import Directory
import Fluent
import Platform
import Vapor

/// An event: what, when, where, who trains; the places left; registering oneself or an association's people; one's
/// registrations (place in the waiting list, cancel, certificate); for the organiser, everyone registered, the
/// check-in sheet of each session and the certificates.
struct EventPageContext: Encodable {
    struct Forms {
        var register = FormState.empty
        var registerOther = FormState.empty.prefixed("other-")
        var attendance = FormState.empty
        var steps = FormState.empty
        var feedback = FormState.empty.prefixed("feedback-")
        var callOff = FormState.empty
        var done: String?
    }

    struct Line: Encodable {
        let id: String
        let name: String
        let email: String
        let organization: String?
        let status: String
        let position: Int?
        let attended: [Int]
        let certificate: String?
        let mayCancel: Bool
    }

    struct Sheet: Encodable {
        let session: Int
        let day: Date
        let people: [Tick]
    }

    struct Tick: Encodable {
        let id: String
        let name: String
        let present: Bool
    }

    let page: PageMeta
    let path: String
    let id: String
    let title: LocalizedText
    let programme: LocalizedText
    let kind: String
    let startsAt: Date
    let endsAt: Date
    let sessions: Int
    let wilaya: String?
    let address: String?
    let onlineURL: String?
    let audience: String
    let organizer: LocalizedText?
    let organizerSlug: String?
    let trainers: [String]
    let domains: [String]
    let capacity: Int
    let registered: Int
    let waitlisted: Int
    let registrationOpensAt: Date
    let registrationClosesAt: Date
    let open: Bool
    let started: Bool
    /// Called off: when, and why.
    let cancelled: Bool
    let cancelledAt: Date?
    let cancellationReason: String?
    let mayCallOff: Bool
    let callOffForm: FormState
    let signInToRegister: Bool
    let mayRegisterSelf: Bool
    let notInAudience: Bool
    let representing: [ChoiceOption]
    let mine: [Line]
    let isOrganizer: Bool
    let everyone: [Line]
    let sheets: [Sheet]
    let certifies: Bool
    let ended: Bool
    let certificatesIssued: Int
    let registerForm: FormState
    let otherForm: FormState
    let attendanceForm: FormState
    let stepsForm: FormState
    let done: String?
    let needs: [ChoiceOption]
    let mayGiveFeedback: Bool
    let feedbackForm: FormState
    let ratings: [String]
    let feedback: Feedback.Summary?
    let averageRating: String?

    static let doneKinds: Set<String> = ["registered", "waitlisted", "cancelled", "attendance", "certificates", "feedback",
                                         "needs", "called_off"]

    static func path(_ event: CapacityEvent, _ req: Request) -> String {
        CapacitySiteURL.events.path(in: req.language) + "/" + (event.id?.uuidString ?? "")
    }

    static func make(_ event: CapacityEvent, forms: Forms, _ req: Request) async throws -> EventPageContext {
        let id = try event.requireID()
        let user = req.currentUser
        let organizer = try await Organization.find(event.organizerID, on: req.db)
        let trainerIDs = try await EventTrainer.query(on: req.db).filter(\.$eventID == id).all().map(\.personID)
        let trainers = trainerIDs.isEmpty ? [] : try await Person.query(on: req.db).filter(\.$id ~~ trainerIDs)
            .filter(\.$erasedAt == nil).sort(\.$displayName).all().map(\.displayName)
        let isOrganizer = try await EventPolicy.mayOrganize(user, organizerID: event.organizerID, on: req.db)
        let all = try await EventQuery.registrations(id, on: req.db)
        let attended = try await Attendance.attended(id, on: req.db)
        let certificates = try await Certificate.query(on: req.db).filter(\.$eventID == id).all()
        let organizations = try await Organization.query(on: req.db)
            .filter(\.$id ~~ Set(all.compactMap(\.organizationID))).all()
        var waiting = 0
        let lines: [Line] = try all.map { row in
            let rowID = try row.requireID()
            if row.status == .waitlisted { waiting += 1 }
            let mayCancel = user.map { row.userID == $0.id || row.registeredBy == $0.id || isOrganizer } ?? false
            return Line(id: rowID.uuidString, name: row.name, email: row.email,
                        organization: organizations.first { $0.id == row.organizationID }
                            .map { LocalizedText($0.name, in: req.language).text },
                        status: row.status.rawValue, position: row.status == .waitlisted ? waiting : nil,
                        attended: (attended[rowID] ?? []).sorted(),
                        certificate: certificates.first { $0.registrationID == rowID }?.code,
                        mayCancel: mayCancel && req.now < event.startsAt && !event.isCancelled)
        }
        let mine = user.map { me in
            lines.filter { line in all.contains { $0.id?.uuidString == line.id && ($0.userID == me.id || $0.registeredBy == me.id) } }
        } ?? []
        let representing = try await user.asyncMap { try await Representation.verifiedOrganizations(of: $0.id, on: req.db) } ?? []
        let inAudience = try await user.asyncMap { try await EventPolicy.inAudience($0, event, on: req.db) } ?? false
        let registeredSelf = user.map { me in all.contains { $0.userID == me.id } } ?? false
        let open = event.registrationOpen(at: req.now)
        let domainNames = try await Options.domainNames(req)
        let present = lines.filter { $0.status == RegistrationStatus.registered.rawValue }
        let linked = Set(try await EventNeed.query(on: req.db).filter(\.$eventID == id).all().map(\.needID))
        let candidates = isOrganizer ? try await Needs.candidates(for: event, on: req.db) : []
        let needers = try await Organization.query(on: req.db).filter(\.$id ~~ Set(candidates.map(\.organizationID))).all()
        let summary = isOrganizer ? try await Feedback.summary(id, on: req.db) : nil
        let mayGiveFeedback = req.now >= event.startsAt && !event.isCancelled
            && mine.contains { $0.status == RegistrationStatus.registered.rawValue }
        let sheets = (1...event.sessions).map { session in
            Sheet(session: session, day: event.startsAt.addingTimeInterval(Double(session - 1) * 86_400),
                  people: present.map { Tick(id: $0.id, name: $0.name, present: $0.attended.contains(session)) })
        }
        return EventPageContext(
            page: try await PageMeta.make(for: req, titleKey: "event.page_title",
                                          LocalizedText(event.title, in: req.language).text),
            path: path(event, req), id: id.uuidString, title: LocalizedText(event.title, in: req.language),
            programme: LocalizedText(event.programme, in: req.language), kind: event.kind.rawValue,
            startsAt: event.startsAt, endsAt: event.endsAt, sessions: event.sessions,
            wilaya: try await event.wilayaCode.asyncMap { code in try await Options.wilayaNames(req)[code] ?? code },
            address: event.address, onlineURL: event.onlineURL, audience: event.audience.rawValue,
            organizer: organizer.map { LocalizedText($0.name, in: req.language) }, organizerSlug: organizer?.slug,
            trainers: trainers, domains: event.domains.map { domainNames[$0] ?? $0 },
            capacity: event.capacity, registered: event.registered, waitlisted: waiting,
            registrationOpensAt: event.registrationOpensAt, registrationClosesAt: event.registrationClosesAt,
            open: open, started: req.now >= event.startsAt, cancelled: event.isCancelled,
            cancelledAt: event.cancelledAt,
            cancellationReason: event.cancellationReason,
            mayCallOff: isOrganizer && (try? EventCancellation.requireCallable(event, now: req.now)) != nil,
            callOffForm: forms.callOff,
            signInToRegister: user == nil && open,
            mayRegisterSelf: open && inAudience && !registeredSelf, notInAudience: user != nil && open && !inAudience,
            representing: open && inAudience ? try representing.map {
                let value = try $0.requireID().uuidString
                return ChoiceOption(value: value, label: LocalizedText($0.name, in: req.language).text,
                                    selected: forms.registerOther.values["organization_id"] == value)
            } : [],
            mine: mine, isOrganizer: isOrganizer, everyone: isOrganizer ? lines : [], sheets: isOrganizer ? sheets : [],
            certifies: event.certifies, ended: req.now >= event.lastSessionStartsAt, certificatesIssued: certificates.count,
            registerForm: forms.register, otherForm: forms.registerOther, attendanceForm: forms.attendance,
            stepsForm: forms.steps, done: forms.done,
            needs: try candidates.map { need in
                let name = needers.first { $0.id == need.organizationID }.map { LocalizedText($0.name, in: req.language).text }
                return ChoiceOption(value: try need.requireID().uuidString,
                                    label: [name ?? "", need.details].filter { !$0.isEmpty }.joined(separator: " — "),
                                    selected: linked.contains(try need.requireID()))
            },
            mayGiveFeedback: mayGiveFeedback, feedbackForm: forms.feedback, ratings: (1...5).map(String.init), feedback: summary,
            averageRating: summary?.averageRating.map { NumberText.decimal($0, places: 1, in: req.language) })
    }
}
