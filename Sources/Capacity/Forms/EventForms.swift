import Platform
import Vapor

/// The organiser's form: texts in three languages (`title[ar]`…), dates as the date-time fields send them, the
/// capacity typed as text, domains and trainers ticked.
struct EventForm: Decodable, InputForm {
    var organizerID: String?
    var kind: String?
    var title: Translated?
    var programme: Translated?
    var startsAt: String?
    var endsAt: String?
    var wilayaCode: String?
    var address: String?
    var onlineURL: String?
    var audience: String?
    var capacity: String?
    var registrationOpensAt: String?
    var registrationClosesAt: String?
    var domainCodes: [String]?
    var trainerIDs: [String]?

    func input() -> (EventInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = EventInput()
        input.organizerID = Validate.id(organizerID, field: "organizer_id", into: &errors)
        (input.kind, input.title, input.programme) = (kind, title, programme)
        (input.startsAt, input.endsAt) = (Validate.trimmed(startsAt), Validate.trimmed(endsAt))
        (input.wilayaCode, input.address, input.onlineURL, input.audience) = (wilayaCode, address, onlineURL, audience)
        if let text = Validate.trimmed(capacity) {
            input.capacity = FormNumbers.integer(text, field: "capacity", into: &errors)
        }
        input.registrationOpensAt = Validate.trimmed(registrationOpensAt)
        input.registrationClosesAt = Validate.trimmed(registrationClosesAt)
        input.domainCodes = domainCodes?.filter { !$0.isEmpty }
        input.trainerIDs = (trainerIDs ?? []).compactMap { Validate.id($0, field: "trainer_ids", into: &errors) }
        return (input, errors)
    }

    /// The form's values for an event being changed.
    static func values(_ event: CapacityEvent) -> [String: String] {
        var values = ["organizer_id": event.organizerID.uuidString, "kind": event.kind.rawValue,
                      "starts_at": LocalTime.local(event.startsAt), "ends_at": LocalTime.local(event.endsAt),
                      "wilaya_code": event.wilayaCode ?? "", "address": event.address ?? "",
                      "online_url": event.onlineURL ?? "", "audience": event.audience.rawValue,
                      "capacity": "\(event.capacity)",
                      "registration_opens_at": LocalTime.local(event.registrationOpensAt),
                      "registration_closes_at": LocalTime.local(event.registrationClosesAt)]
        for language in SiteLanguage.allCases {
            values["title_" + language.rawValue] = event.title.value(in: language) ?? ""
            values["programme_" + language.rawValue] = event.programme.value(in: language) ?? ""
        }
        return values
    }
}

/// Registering oneself (no field) or one of an association's people.
struct RegistrationForm: Decodable, InputForm {
    var organizationID: String?
    var name: String?
    var email: String?

    func input() -> (RegistrationInput, [FieldError]) {
        var errors: [FieldError] = []
        let input = RegistrationInput(organizationID: Validate.id(organizationID, field: "organization_id", into: &errors),
                                      name: name, email: email)
        return (input, errors)
    }
}

/// The check-in sheet of one session: the boxes ticked.
struct AttendanceForm: Decodable, InputForm {
    var session: String?
    var present: [String]?

    func input() -> (AttendanceInput, [FieldError]) {
        var errors: [FieldError] = []
        var input = AttendanceInput()
        input.session = FormNumbers.integer(session ?? "", field: "session", into: &errors)
        input.registrationIDs = (present ?? []).compactMap { Validate.id($0, field: "present", into: &errors) }
        return (input, errors)
    }
}

/// The reason an event is called off, from its confirmation page.
struct CancellationForm: Content {
    var reason: String?
}

/// The library's form: a link or a document (`multipart/form-data`).
struct ResourceForm: Content {
    var title: String?
    var description: String?
    var language: String?
    var domainCode: String?
    var url: String?
    var file: File?

    enum CodingKeys: String, CodingKey {
        // multipart field names are not converted like JSON keys
        case title, description, language, domainCode = "domain_code", url, file
    }

    var input: ResourceInput {
        var input = ResourceInput()
        (input.title, input.description, input.language, input.domainCode, input.url) =
            (title, description, language, domainCode, url)
        return input
    }

    var document: ResourceFile? {
        file.map { ResourceFile(data: Data(buffer: $0.data), name: $0.filename) }
    }

    /// The texts as posted, given back to a refused form (a multipart form is not read by the page's form state).
    var values: [String: String] {
        ["title": title ?? "", "description": description ?? "", "language": language ?? "",
         "domain_code": domainCode ?? "", "url": url ?? "", "file": ""]
    }
}
