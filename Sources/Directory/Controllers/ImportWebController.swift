import Fluent
import Platform
import Vapor

/// The administrators' CSV import page: paste or upload a file; all rows or none.
struct ImportWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(DirectorySiteURL.importOrganizations.pathComponents, use: form)
        routes.post(DirectorySiteURL.importOrganizations.pathComponents, use: run)
    }

    @Sendable func form(req: Request) async throws -> Response {
        try req.require(.manageOrganizations)
        return try await render(req, form: .empty, problems: [], imported: nil)
    }

    @Sendable func run(req: Request) async throws -> Response {
        let user = try req.require(.manageOrganizations)
        let form = try req.content.decode(ImportForm.self)
        var text = form.csv ?? ""
        if let file = form.file, file.data.readableBytes > 0 { text = String(buffer: file.data) }
        let catalog = req.application.catalog, language = req.language
        let outcome = try await OrganizationImport.run(csv: text, actor: AuditActor(user), on: req.db, now: req.now) {
            catalog.text($0, in: language, arguments: $1)
        }
        req.application.directoryIndex.invalidate()
        switch outcome {
        case .imported(let count):
            return try await render(req, form: FormState(values: [:], errors: [:], message: req.t("import.done", "\(count)")),
                                    problems: [], imported: count)
        case .rejected(let problems):
            let form = FormState(values: ["csv": text], errors: [:], message: req.t("import.rejected", "\(problems.count)"))
            return try await render(req, form: form, problems: problems, imported: nil, status: .unprocessableEntity)
        }
    }

    private func render(
        _ req: Request, form: FormState, problems: [ImportProblem], imported: Int?, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let context = Context(page: try await PageMeta.make(for: req, titleKey: "import.title"), form: form,
                              columns: OrganizationImport.columns.joined(separator: ","), problems: problems, imported: imported)
        return try await req.render("directory/import", context, status: status)
    }
}
