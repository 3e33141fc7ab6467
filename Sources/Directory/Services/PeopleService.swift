import Fluent
import Platform
import Vapor

public enum PeopleService {
    /// The languages a person can work in or a request be answered in, in the order forms list them.
    static let workingLanguageList = ["ar", "fr", "en", "tzm"]
    static let workingLanguages = Set(workingLanguageList)

    /// Creates or updates the signed-in person's profile; publishing it records the consent time.
    public static func saveOwnProfile(_ input: PersonInput, user: CurrentUser, on db: any Database, now: Date) async throws
        -> Person
    {
        let reference = try await ReferenceSets.load(on: db)
        var errors: [FieldError] = []
        if let error = Validate.lengthError(input.displayName ?? user.displayName, field: "display_name", min: 1, max: 120) {
            errors.append(error)
        }
        if let kind = input.kind, PersonProfileKind(rawValue: kind) == nil {
            errors.append(FieldError("kind", "validation.invalid_choice"))
        }
        if let sex = Validate.trimmed(input.sex), PersonSex(rawValue: sex) == nil {
            errors.append(FieldError("sex", "validation.invalid_choice"))
        }
        if let availability = input.availability, Availability(rawValue: availability) == nil {
            errors.append(FieldError("availability", "validation.invalid_choice"))
        }
        if let code = Validate.trimmed(input.wilayaCode), !reference.wilayas.contains(code) {
            errors.append(FieldError("wilaya_code", "validation.invalid_choice"))
        }
        if (input.languages ?? []).contains(where: { !workingLanguages.contains($0) }) {
            errors.append(FieldError("languages", "validation.invalid_choice"))
        }
        if (input.expertise ?? []).contains(where: { !reference.domains.contains($0) }) {
            errors.append(FieldError("expertise", "validation.invalid_choice"))
        }
        errors += [Validate.lengthError(input.bio, field: "bio", max: 2000), Validate.lengthError(input.title, field: "title", max: 160),
                   Validate.emailError(input.contactEmail, field: "contact_email")].compactMap { $0 }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        return try await db.transaction { tx in
            let person = try await Person.query(on: tx).filter(\.$userID == user.id).first() ?? {
                let fresh = Person()
                fresh.userID = user.id
                fresh.displayName = user.displayName
                fresh.kind = .member
                fresh.languages = "ar"
                fresh.availability = .available
                fresh.isPublic = false
                return fresh
            }()
            person.displayName = Validate.trimmed(input.displayName) ?? person.displayName
            if let kind = input.kind.flatMap(PersonProfileKind.init(rawValue:)) { person.kind = kind }
            if let value = input.sex { person.sex = Validate.trimmed(value).flatMap(PersonSex.init(rawValue:)) }
            if let value = input.title { person.title = Validate.trimmed(value) }
            if let value = input.bio { person.bio = Validate.trimmed(value) }
            if let value = input.wilayaCode { person.wilayaCode = Validate.trimmed(value) }
            if let value = input.languages { person.languages = value.joined(separator: ",") }
            if let value = input.availability.flatMap(Availability.init(rawValue:)) { person.availability = value }
            if let value = input.contactEmail { person.contactEmail = Validate.trimmed(value) }
            if let value = input.isPublic {
                if value, !person.isPublic { person.consentedAt = now }
                if !value { person.consentedAt = nil }
                person.isPublic = value
            }
            try await person.save(on: tx)
            let personID = try person.requireID()
            if let expertise = input.expertise {
                try await PersonExpertise.query(on: tx).filter(\.$personID == personID).delete()
                for code in Set(expertise).sorted() { try await PersonExpertise(personID: personID, domainCode: code).create(on: tx) }
            }
            try await PersonSearchIndex.reindex(person, on: tx)
            try await AuditLog.record(on: tx, actor: AuditActor(user), action: "person.profile_saved", subjectType: "person",
                                      subjectID: personID.uuidString, details: ["public": person.isPublic ? "1" : "0"],
                                      at: now)
            return person
        }
    }

    static func expertise(of ids: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await PersonExpertise.query(on: db).filter(\.$personID ~~ ids).all()
        return Dictionary(grouping: rows, by: \.personID).mapValues { $0.map(\.domainCode) }
    }
}
