import Directory
import Fluent
import Platform
import Vapor

/// Certificates of attendance: the printable certificate at `/{lang}/certificates/{code}` (its page is its
/// verification: anyone with the code sees who, what and when), the verification form at `/{lang}/certificates`,
/// and `GET /api/v1/certificates/{code}`. A code that matches none answers 404.
struct CertificatesController: RouteCollection {
    struct API: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get("api", "v1", "certificates", ":code", use: verify)
        }

        @Sendable func verify(req: Request) async throws -> CertificateDTO {
            CertificateDTO(try await CertificatesController.certificate(req.parameters.get("code") ?? "", on: req.db))
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(CapacitySiteURL.certificates.pathComponents, use: check)
        routes.get(CapacitySiteURL.certificates.pathComponents + [":code"], use: show)
    }

    static func certificate(_ raw: String, on db: any Database) async throws -> Certificate {
        let code = CertificateCode.normalized(raw)
        guard code.count == 14, let found = try await Certificate.query(on: db).filter(\.$code == code).first() else {
            throw CapacityError.certificateNotFound
        }
        return found
    }

    /// The verification form; with `?code=`, the certificate's page, or the form again saying no certificate has it.
    @Sendable func check(req: Request) async throws -> Response {
        let code = Validate.trimmed(req.query[String.self, at: "code"])
        var missing = false
        if let code {
            if let found = try? await Self.certificate(code, on: req.db) {
                return req.seeOther(CapacitySiteURL.certificates.path(in: req.language) + "/" + found.code)
            }
            missing = true
        }
        let context = CertificateCheckContext(
            page: try await PageMeta.make(for: req, titleKey: "certificate.check_title"),
            code: String((code ?? "").prefix(40)), missing: missing)
        return try await req.render("capacity/certificate-check", context, status: missing ? .notFound : .ok)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let certificate = try await Self.certificate(req.parameters.get("code") ?? "", on: req.db)
        let title = LocalizedText(certificate.eventTitle, in: req.language)
        let context = CertificatePageContext(
            page: try await PageMeta.make(for: req, titleKey: "certificate.page_title", certificate.holderName),
            code: certificate.code, holder: certificate.holderName, kind: certificate.eventKind.rawValue, title: title,
            organizer: LocalizedText(certificate.organizerName, in: req.language), startsAt: certificate.startsAt,
            endsAt: certificate.endsAt, sessions: certificate.sessions, issuedAt: certificate.issuedAt,
            eventPath: CapacitySiteURL.events.path(in: req.language) + "/" + certificate.eventID.uuidString,
            verifyURL: req.application.shabakaConfig.baseURL + CapacitySiteURL.certificates.path(in: req.language)
                + "/" + certificate.code)
        return try await req.render("capacity/certificate", context)
    }
}

struct CertificateCheckContext: Encodable {
    let page: PageMeta
    let code: String
    let missing: Bool
}

struct CertificatePageContext: Encodable {
    let page: PageMeta
    let code: String
    let holder: String
    let kind: String
    let title: LocalizedText
    let organizer: LocalizedText
    let startsAt: Date
    let endsAt: Date
    let sessions: Int
    let issuedAt: Date
    let eventPath: String
    let verifyURL: String
}
