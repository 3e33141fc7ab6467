import Fluent
import Platform
import Vapor

/// The page contexts of PeopleWebController.
extension PeopleWebController {
    struct ProfileContext: Encodable {
        let page: PageMeta
        let form: FormState
        let kinds: [ChoiceOption]
        let sexes: [ChoiceOption]
        let availabilities: [ChoiceOption]
        let languages: [ChoiceOption]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
        let isPublic: Bool
        let personID: String?
    }

    struct ExpertCard: Encodable {
        let id: String
        let name: String
        let kind: String
        /// `f`, `m` or nil: the labels about the person agree with it.
        let sex: String?
        let title: String?
        let wilaya: String?
        let languages: [String]
        let availability: String
        let expertise: [String]
        /// Shown to staff only: a profile its person has not made public.
        let isPrivate: Bool
    }

    struct ExpertsContext: Encodable {
        let page: PageMeta
        let filter: [String: String]
        let wilayas: [ChoiceOption]
        let domains: [ChoiceOption]
        let experts: [ExpertCard]
        let total: Int
        let pagination: PaginationView
    }

    struct PersonContext: Encodable {
        let page: PageMeta
        let person: PersonDTO
        let wilaya: String?
        let expertise: [String]
        let isOwn: Bool
    }
}
