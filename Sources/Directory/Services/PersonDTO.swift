import Fluent
import Platform
import Vapor

/// A person as the API shows it (only public profiles to the public).
public struct PersonDTO: Content {
    let id: UUID
    let displayName: String
    let kind: String
    /// `f`, `m`, or absent when not given.
    let sex: String?
    let title: String?
    let bio: String?
    let wilayaCode: String?
    let languages: [String]
    let availability: String
    let expertise: [String]
    let contactEmail: String?
    let isPublic: Bool

    /// `public` in JSON (the API's key strategy gives the others).
    enum CodingKeys: String, CodingKey {
        case id, kind, sex, title, bio, languages, availability, expertise, displayName, wilayaCode, contactEmail
        case isPublic = "public"
    }

    init(_ person: Person, expertise: [String]) throws {
        id = try person.requireID()
        displayName = person.displayName
        kind = person.kind.rawValue
        sex = person.sex?.rawValue
        title = person.title
        bio = person.bio
        wilayaCode = person.wilayaCode
        languages = person.languageList
        availability = person.availability.rawValue
        self.expertise = expertise.sorted()
        contactEmail = person.contactEmail
        isPublic = person.isPublic
    }
}
