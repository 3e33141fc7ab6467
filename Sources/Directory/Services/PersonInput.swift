import Fluent
import Platform
import Vapor

/// A person's own profile, as the profile form and `PUT /api/v1/people/me` submit it.
public struct PersonInput: Content, Sendable {
    public var displayName: String?
    public var kind: String?
    /// `f`, `m`, or empty for not said; labels about the person agree with it.
    public var sex: String?
    public var title: String?
    public var bio: String?
    public var wilayaCode: String?
    public var languages: [String]?
    public var availability: String?
    public var contactEmail: String?
    public var expertise: [String]?
    public var isPublic: Bool?

    /// `public` in JSON (the API's key strategy gives the others).
    enum CodingKeys: String, CodingKey {
        case displayName, kind, sex, title, bio, wilayaCode, languages, availability, contactEmail, expertise
        case isPublic = "public"
    }

    public init() {}
}
