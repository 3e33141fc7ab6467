import Vapor

/// The import form (multipart): the rows pasted in `csv`, or a `file`.
struct ImportForm: Content {
    var csv: String?
    var file: File?
}
