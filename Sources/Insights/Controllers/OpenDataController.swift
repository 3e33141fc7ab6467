import Platform
import Vapor

/// `/{lang}/open-data`: what the open data holds (every file with its size) and the archive to download,
/// `/{lang}/open-data/shabaka-open-data.tar` (the same files as `shabaka export open-data DIR` writes).
struct OpenDataController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(InsightsSiteURL.openData.pathComponents, use: page)
        routes.get(InsightsSiteURL.openData.pathComponents + ["\(OpenDataPackage.name).tar"], use: archive)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let files = try await OpenDataPackage.files(on: req.db, now: req.now)
        return try await req.render("insights/open-data", try await OpenDataPageContext.make(files, req))
    }

    @Sendable func archive(req: Request) async throws -> Response {
        let bytes = OpenDataPackage.tar(try await OpenDataPackage.files(on: req.db, now: req.now))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/x-tar")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(OpenDataPackage.name).tar\"")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}

struct OpenDataPageContext: Encodable {
    struct Line: Encodable {
        let path: String
        let size: String
    }

    let page: PageMeta
    let archive: String
    let files: [Line]

    static func make(_ files: [OpenDataPackage.File], _ req: Request) async throws -> OpenDataPageContext {
        OpenDataPageContext(
            page: try await PageMeta.make(for: req, titleKey: "insights.open_data_title"),
            archive: InsightsSiteURL.openData.path(in: req.language) + "/\(OpenDataPackage.name).tar",
            files: files.map {
                Line(path: $0.path, size: req.t("insights.kilobytes", NumberText.decimal(Double($0.bytes.count) / 1024, places: 1, in: req.language)))
            })
    }
}

/// `shabaka export open-data DIR`: the open data written to a folder (made if needed; files of the same names
/// replaced).
public struct ExportOpenDataCommand: AsyncCommand {
    public struct Signature: CommandSignature {
        @Argument(name: "directory", help: "Where to write the files")
        var directory: String

        public init() {}
    }

    public init() {}

    public var help: String { "Write the open data (CSV, JSON, Pabulib, datapackage.json) to a folder." }

    public func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let files = try await OpenDataPackage.files(on: app.db, now: app.clock.now())
        let root = URL(fileURLWithPath: signature.directory)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        context.console.print("wrote \(files.count) files to \(signature.directory)")
    }
}
