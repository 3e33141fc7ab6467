/// The erasure form: the person types their e-mail address to `confirm`.
struct EraseForm: Decodable {
    var confirm: String?
}
