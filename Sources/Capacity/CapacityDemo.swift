import Directory
import Fluent
import Platform
import Vapor

/// A training given last month (two days, everyone checked in, certificates issued to those present both days), a
/// workshop next week with every place taken and two people waiting, a webinar open to anyone, a few guides, needs
/// declared by four associations and their self-assessments over two years.
public enum CapacityDemo {
    public static let pastTitle = "تسيير المشاريع التضامنية: من الفكرة إلى التقرير"
    public static let fullTitle = "ورشة إعداد الميزانية والتقارير المالية للجمعيات"
    public static let webinarTitle = "ندوة عبر الإنترنت: المسؤولية الاجتماعية للمؤسسات والشراكة مع الجمعيات"

    struct Attendee {
        let name: String
        let email: String
        let organization: String
    }

    static let attendees: [Attendee] = [
        Attendee(name: "أمينة بن علي", email: "amina.benali@example.org", organization: "tadamoun-batna"),
        Attendee(name: "يوسف مرابط", email: "youcef.merabet@example.org", organization: "tadamoun-batna"),
        Attendee(name: "Nadia Kaci", email: "nadia.kaci@example.org", organization: "nour-women-ghardaia"),
        Attendee(name: "خديجة زروقي", email: "khadidja.zerrouki@example.org", organization: "nour-women-ghardaia"),
        Attendee(name: "Karim Hadj", email: "karim.hadj@example.org", organization: "green-oasis-biskra"),
        Attendee(name: "سليمة عمراني", email: "salima.amrani@example.org", organization: "atlas-crafts-tlemcen"),
    ]

    public static func load(on db: any Database, now: Date) async throws {
        let day: TimeInterval = 86_400
        guard let network = try await Organization.query(on: db).filter(\.$slug == DirectoryDemo.networkSlug).first(),
              let networkID = network.id else { return }
        let organizations = try await Organization.query(on: db).filter(\.$slug ~~ attendees.map(\.organization)).all()
        let trainer = try await Person.query(on: db).filter(\.$kind == .expert).filter(\.$isPublic == true)
            .sort(\.$displayName).first()
        try await db.transaction { tx in
            // Last month: two days in Batna, five of six present both days.
            let past = event(networkID, .training, ar: pastTitle, fr: "Gérer un projet solidaire : de l'idée au rapport",
                             programme: "اليوم الأول: تحديد الحاجة الاجتماعية وصياغة المشروع. اليوم الثاني: المتابعة والتقارير ومؤشرات الأثر.",
                             starts: now.addingTimeInterval(-30 * day), days: 2, wilaya: "05", capacity: 20,
                             domains: "sse.entrepreneurship,democracy.capacity")
            try await past.create(on: tx)
            // Next week: every place taken, two waiting.
            let full = event(networkID, .workshop, ar: fullTitle, fr: "Atelier budget et rapports financiers des associations",
                             programme: "إعداد الميزانية التقديرية، مسك الحسابات، التقرير المالي السنوي.",
                             starts: now.addingTimeInterval(7 * day), days: 1, wilaya: "16", capacity: 4,
                             domains: "sse.finance")
            full.registrationOpensAt = now.addingTimeInterval(-10 * day)
            try await full.create(on: tx)
            let webinar = event(networkID, .webinar, ar: webinarTitle,
                                fr: "Webinaire : la RSE des entreprises et le partenariat avec les associations",
                                programme: "عروض لمؤسسات وجمعيات شريكة، ثم أسئلة ونقاش.",
                                starts: now.addingTimeInterval(14 * day), days: 1, wilaya: nil, capacity: 200,
                                domains: "csr.partnerships")
            webinar.onlineURL = "https://meet.example.org/rse-2026"
            try await webinar.create(on: tx)
            if let trainer = trainer?.id {
                try await EventTrainer(eventID: past.requireID(), personID: trainer).create(on: tx)
                try await EventTrainer(eventID: full.requireID(), personID: trainer).create(on: tx)
            }
            for (index, attendee) in attendees.enumerated() {
                let organization = organizations.first { $0.slug == attendee.organization }?.id
                let row = registration(past, attendee, organization, sequence: index + 1, status: .registered,
                                       at: now.addingTimeInterval(-40 * day))
                try await row.create(on: tx)
                for session in 1...(index == 5 ? 1 : 2) {
                    let present = EventAttendance()
                    (present.registrationID, present.eventID, present.session) = (try row.requireID(), try past.requireID(), session)
                    present.checkedAt = past.startsAt.addingTimeInterval(Double(session - 1) * day + 1_800)
                    try await present.create(on: tx)
                }
                if index < 5 {
                    let certificate = Certificate()
                    (certificate.code, certificate.registrationID, certificate.eventID) = (CertificateCode.make(), try row.requireID(), try past.requireID())
                    (certificate.holderName, certificate.eventTitle, certificate.organizerName) = (attendee.name, past.title, network.name)
                    (certificate.eventKind, certificate.startsAt, certificate.endsAt) = (past.kind, past.startsAt, past.endsAt)
                    (certificate.sessions, certificate.issuedAt) = (2, past.endsAt.addingTimeInterval(day))
                    try await certificate.create(on: tx)
                }
                let waiting = index >= full.capacity
                try await registration(full, attendee, organization, sequence: index + 1,
                                       status: waiting ? .waitlisted : .registered,
                                       at: now.addingTimeInterval(-Double(6 - index) * day)).create(on: tx)
            }
            (past.registered, past.lastSequence) = (attendees.count, attendees.count)
            (full.registered, full.lastSequence) = (full.capacity, attendees.count)
            try await past.update(on: tx)
            try await full.update(on: tx)
            try await resources(now, on: tx)
            try await needsAndAssessments(fullWorkshop: full, now: now, on: tx)
        }
    }

    static func event(_ organizer: UUID, _ kind: EventKind, ar: String, fr: String, programme: String, starts: Date,
                      days: Int, wilaya: String?, capacity: Int, domains: String) -> CapacityEvent
    {
        let event = CapacityEvent()
        (event.organizerID, event.kind, event.title) = (organizer, kind, Translated(ar: ar, fr: fr))
        event.programme = Translated(ar: programme)
        event.startsAt = starts
        event.endsAt = starts.addingTimeInterval(Double(days - 1) * 86_400 + 7 * 3_600)
        (event.wilayaCode, event.audience, event.capacity) = (wilaya, kind == .webinar ? .public : .associations, capacity)
        (event.registrationOpensAt, event.registrationClosesAt) = (starts.addingTimeInterval(-30 * 86_400), starts)
        (event.domainCodes, event.registered, event.lastSequence) = (domains, 0, 0)
        event.createdAt = starts.addingTimeInterval(-31 * 86_400)
        return event
    }

    static func registration(_ event: CapacityEvent, _ attendee: Attendee, _ organization: UUID?, sequence: Int,
                             status: RegistrationStatus, at date: Date) -> EventRegistration
    {
        let row = EventRegistration()
        (row.eventID, row.name, row.email, row.organizationID) = (event.id ?? UUID(), attendee.name, attendee.email, organization)
        (row.status, row.sequence, row.createdAt) = (status, sequence, date)
        return row
    }

    static func resources(_ now: Date, on db: any Database) async throws {
        let items: [(String, String, String, String, String)] = [
            ("دليل تسيير الجمعيات: الحوكمة والشفافية", "الجمعية العامة، مجلس الإدارة، التقارير الأدبية والمالية.", "ar",
             "democracy.capacity", "https://www.example.org/guides/gouvernance-associations.pdf"),
            ("Guide de l'économie sociale et solidaire", "Principes, statuts et financement des structures de l'ESS.", "fr",
             "sse.entrepreneurship", "https://www.example.org/guides/ess.pdf"),
            ("نموذج التقرير المالي السنوي للجمعيات", "جداول جاهزة للإيرادات والنفقات والميزانية.", "ar", "sse.finance",
             "https://www.example.org/modeles/rapport-financier.xlsx"),
        ]
        for (offset, item) in items.enumerated() {
            let resource = LibraryResource()
            (resource.title, resource.details, resource.language, resource.domainCode, resource.url) = item
            resource.searchText = ResourceQuery.searchText(resource.title, resource.details)
            resource.createdAt = now.addingTimeInterval(-Double(offset + 1) * 86_400)
            try await resource.create(on: db)
        }
    }
}
