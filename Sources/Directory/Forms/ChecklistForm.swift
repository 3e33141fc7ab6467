/// The reviewer's checklist form: a box per item (`items[<code>]`) and a `note`.
struct ChecklistForm: Decodable {
    var items: [String: String]?
    var note: String?

    /// Every item of the published checklist, ticked or not.
    var answers: [String: Bool] {
        Dictionary(uniqueKeysWithValues: MembershipChecklist.items.map { ($0, items?[$0] != nil) })
    }
}
