import Fluent
import Foundation
import Platform
import SQLKit

/// Generates a large directory of plausible associations (names in three languages, wilayas, domains),
/// inserted in batches with SQLKit, with their search terms.
enum DirectorySeeder {
    static let themes: [(ar: String, fr: String, en: String, domain: String)] = [
        ("الاقتصاد التضامني", "l'économie solidaire", "the solidarity economy", "sse.entrepreneurship"),
        ("التنمية المحلية", "le développement local", "local development", "democracy.local_development"),
        ("المرأة الريفية", "la femme rurale", "rural women", "sse.women"),
        ("الشباب والمقاولاتية", "la jeunesse et l'entrepreneuriat", "youth and entrepreneurship", "sse.employment"),
        ("حماية البيئة", "la protection de l'environnement", "environmental protection", "sse.recycling"),
        ("الحرف التقليدية", "l'artisanat traditionnel", "traditional crafts", "sse.crafts"),
        ("الديمقراطية التشاركية", "la démocratie participative", "participatory democracy", "democracy.consultation"),
        ("التكافل الاجتماعي", "la solidarité sociale", "social solidarity", "sse.care"),
        ("السياحة التضامنية", "le tourisme solidaire", "solidarity tourism", "sse.tourism"),
        ("الفلاحة المستدامة", "l'agriculture durable", "sustainable agriculture", "sse.agriculture"),
        ("الرقمنة والابتكار", "le numérique et l'innovation", "digital innovation", "sse.digital"),
        ("المواطنة", "la citoyenneté", "citizenship", "democracy.citizenship"),
    ]
    static let qualifiers: [(ar: String, fr: String, en: String)] = [
        ("الأمل", "Espoir", "Hope"), ("النور", "Lumière", "Light"), ("الغد", "Demain", "Tomorrow"),
        ("الإحسان", "Bienfaisance", "Benevolence"), ("التواصل", "Lien", "Connection"), ("البناء", "Bâtir", "Build"),
        ("الإرادة", "Volonté", "Will"), ("الواحة", "Oasis", "Oasis"), ("الأطلس", "Atlas", "Atlas"),
        ("السنبلة", "Épi", "Wheat Ear"), ("الزيتونة", "Olivier", "Olive Tree"), ("الرابطة", "Trait d'union", "Link"),
    ]

    static func seed(
        count: Int, seed: UInt64, on db: any Database, now: Date, progress: (Int) -> Void
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let wilayas = try await Wilaya.query(on: db).sort(\.$id).all()
        var random = SplitMix64(seed: seed)
        let batch = 500
        var done = 0
        while done < count {
            let size = min(batch, count - done)
            var organizations: [Organization] = []
            var domains: [(UUID, String)] = []
            for index in done..<(done + size) {
                let theme = themes[Int(random.next() % UInt64(themes.count))]
                let second = themes[Int(random.next() % UInt64(themes.count))]
                let qualifier = qualifiers[Int(random.next() % UInt64(qualifiers.count))]
                let wilaya = wilayas[Int(random.next() % UInt64(wilayas.count))]
                let organization = Organization(
                    slug: "association-\(index + 1)", kind: .association,
                    name: Translated(ar: "جمعية \(qualifier.ar) \(lam(theme.ar)) - \(wilaya.nameArabic) \(index + 1)",
                                     fr: "Association \(qualifier.fr) pour \(theme.fr), \(wilaya.nameFrench) \(index + 1)",
                                     en: "\(qualifier.en) Association for \(theme.en), \(wilaya.nameFrench) \(index + 1)"),
                    summary: Translated(ar: "تنشط في مجال \(theme.ar) و\(second.ar) بولاية \(wilaya.nameArabic).",
                                        fr: "Active dans \(theme.fr) et \(second.fr) à \(wilaya.nameFrench).",
                                        en: "Works on \(theme.en) and \(second.en) in \(wilaya.nameFrench)."),
                    wilayaCode: wilaya.id)
                organization.id = UUID()
                organization.accreditationNumber = "\(wilaya.id ?? "00")/\(2000 + Int(random.next() % 25))/\(index + 1)"
                organization.sortName = OrganizationSearchIndex.sortName(of: organization)
                organizations.append(organization)
                domains.append((organization.id!, theme.domain))
                if second.domain != theme.domain { domains.append((organization.id!, second.domain)) }
            }
            let rows = organizations, links = domains
            try await db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                try await insert(rows, domains: links, wilayas: wilayas, on: sql, now: now)
            }
            done += size
            if done % 10_000 == 0 || done == count { progress(done) }
        }
        _ = sql
    }

    private static func insert(
        _ organizations: [Organization], domains: [(UUID, String)], wilayas: [Wilaya], on sql: any SQLDatabase, now: Date
    ) async throws {
        try await sql.insert(into: "organizations")
            .columns("id", "slug", "kind", "name", "description", "sort_name", "accreditation_number", "wilaya_code",
                     "created_at", "updated_at")
            .values(organizations.map { org -> [any SQLExpression] in
                [SQLBind(org.id!), SQLBind(org.slug), SQLBind(org.kind.rawValue), SQLBind(org.name), SQLBind(org.summary),
                 SQLBind(org.sortName), SQLBind(org.accreditationNumber), SQLBind(org.wilayaCode), SQLBind(now), SQLBind(now)]
            }).run()
        try await sql.insert(into: "organization_domains").columns("id", "organization_id", "domain_code")
            .values(domains.map { [SQLBind(UUID()), SQLBind($0.0), SQLBind($0.1)] as [any SQLExpression] }).run()
        let names = Dictionary(uniqueKeysWithValues: wilayas.map { ($0.id ?? "", [$0.nameArabic, $0.nameFrench]) })
        var terms: [[any SQLExpression]] = []
        for org in organizations {
            for term in OrganizationSearchIndex.terms(of: org, wilayaNames: names[org.wilayaCode ?? ""] ?? []) {
                terms.append([SQLBind(term), SQLBind(org.id!)])
            }
        }
        for chunk in terms.chunked(into: 400) {
            try await sql.insert(into: "organization_terms").columns("term", "organization_id").values(chunk).run()
        }
        try await OrganizationSearchIndex.recordChanges(organizations.map { $0.id! }, on: sql)
    }

    /// Arabic "for the …": لِـ + article becomes لل (للاقتصاد), as written.
    static func lam(_ phrase: String) -> String {
        phrase.hasPrefix("ال") ? "لل" + phrase.dropFirst(2) : "ل" + phrase
    }
}
