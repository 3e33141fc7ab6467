/// One's own profile, with the API's field names; `public` is the consent box.
struct ProfileForm: Decodable {
    var displayName: String?
    var kind: String?
    var sex: String?
    var title: String?
    var bio: String?
    var wilayaCode: String?
    var languages: [String]?
    var availability: String?
    var contactEmail: String?
    var expertise: [String]?
    var `public`: String?

    /// The API's input; every field is sent, so an emptied one is cleared.
    var input: PersonInput {
        var input = PersonInput()
        input.displayName = displayName ?? ""
        input.kind = kind ?? ""
        input.sex = sex ?? ""
        input.title = title ?? ""
        input.bio = bio ?? ""
        input.wilayaCode = wilayaCode ?? ""
        input.availability = availability ?? ""
        input.contactEmail = contactEmail ?? ""
        input.languages = languages ?? []
        input.expertise = expertise ?? []
        input.isPublic = self.public == "1"
        return input
    }
}
