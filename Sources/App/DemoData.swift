import Directory
import Fluent
import Platform
import Vapor

/// The founding document's world, loaded on first start (`SHABAKA_DEMO=0` disables it).
enum DemoData {
    static func loadIfFirstStart(_ app: Application) async throws {
        guard try await Organization.query(on: app.db).count() == 0 else { return }
        let now = app.clock.now()
        try await app.db.transaction { tx in
            for organization in organizations {
                try await organization.create(on: tx)
                try await AuditLog.record(on: tx, actor: .system, action: "organization.created",
                                          subjectType: "organization", subjectID: organization.slug,
                                          details: ["source": "demo"], at: now)
            }
        }
        app.logger.notice("demo data loaded: \(organizations.count) organisations")
    }

    static var organizations: [Organization] {
        [
            Organization(
                slug: "national-observatory-civil-society", kind: .observatory,
                name: Translated(ar: "المرصد الوطني للمجتمع المدني", fr: "Observatoire national de la société civile",
                                 en: "National Observatory of Civil Society"),
                summary: Translated(
                    ar: "يدعم جمعيات المجتمع المدني ودورها في التنمية المحلية، وفق استراتيجيته 2024-2030 ومخطط عمله 2024.",
                    fr: "Soutient les associations de la société civile et leur rôle dans le développement local, "
                        + "selon sa stratégie 2024-2030 et son plan d'action 2024.",
                    en: "Supports civil-society associations and their role in local development, following its "
                        + "2024-2030 strategy and 2024 action plan."),
                wilayaCode: "16"),
            Organization(
                slug: "network-participatory-democracy-sse", kind: .network,
                name: Translated(ar: "شبكة الديمقراطية التشاركية والاقتصاد الاجتماعي والتضامني",
                                 fr: "Réseau de la démocratie participative et de l'économie sociale et solidaire",
                                 en: "Network of Participatory Democracy and the Social and Solidarity Economy"),
                summary: Translated(
                    ar: "تجمع جمعيات معتمدة وخبراء وأكاديميين لتبني آليات الديمقراطية التشاركية ونماذج الاقتصاد الاجتماعي والتضامني.",
                    fr: "Rassemble des associations agréées, des experts et des universitaires pour adopter la démocratie "
                        + "participative et les modèles de l'économie sociale et solidaire.",
                    en: "Brings together accredited associations, experts and academics to adopt participatory "
                        + "democracy and social and solidarity economy models."),
                wilayaCode: "16"),
        ]
    }
}
