import Directory
import Fluent
import Platform
import Projects
import Vapor

/// The demo's participation: a national consultation in its deliberation phase, with proposals in every state
/// (one become a project), endorsements with the demographics captured when they were given, comments with
/// replies and stances, a threaded debate, and demo citizens' accounts (with unusable passwords).
public enum ParticipationDemo {
    public static let processSlug = "national-consultation-sse-2026"

    struct Citizen {
        let name: String
        let wilaya: String
        let sex: String
        let age: String
    }

    static let citizens: [Citizen] = [
        .init(name: "سعاد بن علي", wilaya: "05", sex: "f", age: "25_34"),
        .init(name: "كريم مسعودي", wilaya: "05", sex: "m", age: "35_49"),
        .init(name: "نادية حمادي", wilaya: "47", sex: "f", age: "18_24"),
        .init(name: "Yacine Belkacem", wilaya: "31", sex: "m", age: "25_34"),
        .init(name: "فاطمة الزهراء قاسمي", wilaya: "07", sex: "f", age: "50_64"),
        .init(name: "Lina Haddad", wilaya: "16", sex: "f", age: "18_24"),
        .init(name: "عبد القادر زروقي", wilaya: "13", sex: "m", age: "65_plus"),
        .init(name: "مريم بوزيد", wilaya: "16", sex: "f", age: "35_49"),
        .init(name: "سليم عيساوي", wilaya: "19", sex: "m", age: "25_34"),
        .init(name: "Amel Khelifi", wilaya: "05", sex: "f", age: "50_64"),
        .init(name: "رضا بلعيد", wilaya: "47", sex: "m", age: "18_24"),
        .init(name: "حياة مرابط", wilaya: "31", sex: "f", age: "25_34"),
    ]

    public static func load(on db: any Database, now: Date) async throws {
        guard let observatory = try await Organization.query(on: db).filter(\.$slug == DirectoryDemo.observatorySlug).first(),
              let tadamoun = try await Organization.query(on: db).filter(\.$slug == "tadamoun-batna").first()
        else { return }
        let day: TimeInterval = 86_400
        @Sendable func date(_ offset: Int) -> String { ISODate.string(now.addingTimeInterval(Double(offset) * day)) }
        // Nobody signs in with these accounts: the password is random and thrown away.
        let unusable = try Bcrypt.hash(Keyed.randomToken(), cost: 8)
        try await db.transaction { tx in
            var people: [UUID] = []
            for (index, citizen) in citizens.enumerated() {
                let user = User(email: "citizen\(index + 1)@demo.shabaka.invalid", displayName: citizen.name,
                                passwordHash: unusable, language: .ar)
                user.emailConfirmedAt = now
                try await user.create(on: tx)
                try await UserRole(userID: try user.requireID(), role: .citizen).create(on: tx)
                people.append(try user.requireID())
            }
            let process = ParticipatoryProcess()
            process.slug = processSlug
            process.title = Translated(ar: "الاستشارة الوطنية حول الاقتصاد الاجتماعي والتضامني 2026",
                                       fr: "Consultation nationale sur l’économie sociale et solidaire 2026",
                                       en: "National consultation on the social and solidarity economy 2026")
            process.details = Translated(
                ar: "يدعو المرصد الوطني للمجتمع المدني الجمعيات والمواطنين إلى اقتراح ما يقوّي الاقتصاد الاجتماعي والتضامني في ولاياتهم، ومناقشته. يدرس المرصد كل مقترح يبلغ العتبة، وينشر رداً معلَّلاً، ويتحوّل المقبول منها إلى مشاريع تتابعها الشبكة.",
                fr: "L’Observatoire national de la société civile invite associations et citoyens à proposer et débattre de ce qui renforcerait l’économie sociale et solidaire dans leur wilaya. Chaque proposition qui atteint le seuil reçoit une réponse motivée ; celles qui sont acceptées deviennent des projets suivis par le réseau.",
                en: "The National Observatory of Civil Society invites associations and citizens to propose and debate what would strengthen the social and solidarity economy in their wilaya. Every proposal reaching the threshold gets a reasoned answer; accepted ones become projects followed by the network.")
            process.organizerID = try observatory.requireID()
            process.scopeWilayas = ""
            process.endorsementThreshold = 5
            process.endorsementsPerPerson = 10
            process.proposalsPerPerson = 3
            process.countsVisible = true
            process.stances = true
            process.premoderation = false
            process.createdAt = now.addingTimeInterval(-100 * day)
            try await process.create(on: tx)
            let processID = try process.requireID()
            let phases: [(PhaseKind, Int, Int)] = [(.information, -100, -61), (.proposals, -60, -15), (.deliberation, -14, 30),
                                                   (.voting, 31, 45), (.followUp, 46, 365)]
            for (index, (kind, start, end)) in phases.enumerated() {
                let phase = ProcessPhase()
                phase.$process.id = processID
                phase.position = index + 1
                phase.kind = kind
                phase.startsOn = date(start)
                phase.endsOn = date(end)
                phase.opens = kind.defaultOpenings.sorted().map(\.rawValue).joined(separator: ",")
                if start <= 0 { phase.announcedAt = now.addingTimeInterval(Double(start) * day) }
                try await phase.create(on: tx)
            }

            func proposal(_ title: String, _ body: String, by author: Int, wilaya: String, domain: String, state: ProposalState,
                          endorsers: [Int], daysAgo: Int) async throws -> Proposal {
                let proposal = Proposal()
                proposal.processID = processID
                proposal.authorID = people[author]
                proposal.title = title
                proposal.body = body
                proposal.wilayaCode = wilaya
                proposal.domainCode = domain
                proposal.state = state
                proposal.searchTerms = ProposalService.terms(title, body)
                proposal.endorsementCount = endorsers.count
                proposal.commentCount = 0
                proposal.version = 1
                proposal.pendingModeration = false
                proposal.createdAt = now.addingTimeInterval(-Double(daysAgo + 1) * day)
                proposal.publishedAt = state == .draft ? nil : now.addingTimeInterval(-Double(daysAgo) * day)
                if endorsers.count >= process.endorsementThreshold {
                    proposal.thresholdReachedAt = now.addingTimeInterval(-Double(max(1, daysAgo - 5)) * day)
                }
                try await proposal.create(on: tx)
                let id = try proposal.requireID()
                let actor = AuditActor(userID: people[author])
                _ = try await WorkflowStep.record(workflow: "proposal", subjectID: id, action: "create", from: nil,
                                                  to: ProposalState.draft.rawValue, actor: actor, reason: nil, on: tx,
                                                  at: proposal.createdAt)
                if state != .draft {
                    _ = try await WorkflowStep.record(workflow: "proposal", subjectID: id, action: "publish",
                                                      from: ProposalState.draft.rawValue, to: ProposalState.published.rawValue,
                                                      actor: actor, reason: nil, on: tx, at: proposal.publishedAt ?? now)
                    try await FollowService.follow(.proposal, id, userID: people[author], on: tx, now: now)
                }
                for (offset, index) in endorsers.enumerated() {
                    let citizen = citizens[index]
                    let endorsement = Endorsement()
                    endorsement.proposalID = id
                    endorsement.processID = processID
                    endorsement.participantKey = ParticipantKey.account(people[index])
                    endorsement.userID = people[index]
                    endorsement.wilayaCode = citizen.wilaya
                    endorsement.sex = citizen.sex
                    endorsement.ageGroup = citizen.age
                    endorsement.createdAt = now.addingTimeInterval(-Double(max(1, daysAgo - offset)) * day)
                    try await endorsement.create(on: tx)
                }
                return proposal
            }

            func answer(_ proposal: Proposal, _ state: ProposalState, _ reason: String, daysAgo: Int) async throws {
                let from = proposal.state
                proposal.answerState = state
                proposal.answerReason = reason
                proposal.answerPublishOn = date(-daysAgo)
                proposal.answerPublishedAt = now.addingTimeInterval(-Double(daysAgo) * day)
                proposal.state = state
                try await proposal.save(on: tx)
                _ = try await WorkflowStep.record(workflow: "proposal", subjectID: try proposal.requireID(),
                                                  action: "answer_" + state.rawValue, from: from.rawValue, to: state.rawValue,
                                                  actor: .system, reason: reason, on: tx, at: proposal.answerPublishedAt ?? now)
            }

            let market = try await proposal(
                "سوق أسبوعي لمنتجات التعاونيات الريفية في باتنة",
                "نقترح تخصيص فضاء بلدي مرة في الأسبوع تعرض فيه التعاونيات والحرفيات منتجاتهن مباشرة للمستهلكين، دون وسطاء، مع مرافقة من الجمعيات في التغليف والتسعير.",
                by: 0, wilaya: "05", domain: "sse.agriculture", state: .published, endorsers: [0, 1, 2, 3, 4, 5, 6, 9], daysAgo: 40)
            let incubator = try await proposal(
                "حاضنة للمشاريع التضامنية للشباب في وهران",
                "حاضنة تضع في متناول الشباب حاملي المشاريع التضامنية مكتباً مشتركاً وتكويناً في التسيير ومرافقة قانونية لإنشاء تعاونياتهم.",
                by: 3, wilaya: "31", domain: "sse.entrepreneurship", state: .published, endorsers: [3, 11, 5, 7, 8], daysAgo: 35)
            let repair = try await proposal(
                "ورشات تصليح تضامنية في الأحياء",
                "ورشات يتطوع فيها الحرفيون لتعليم تصليح الأجهزة المنزلية وإعادة استعمالها، تقليلاً للنفايات وخلقاً لمداخيل صغيرة.",
                by: 5, wilaya: "16", domain: "sse.employment", state: .published, endorsers: [5, 7, 1], daysAgo: 30)
            let water = try await proposal(
                "تعاونية لتسيير مياه السقي في الواحات",
                "تسيير جماعي لمياه السقي بين الفلاحين الصغار في الواحات، بنظام دوري شفاف تشرف عليه جمعية محلية.",
                by: 6, wilaya: "07", domain: "sse.agriculture", state: .published, endorsers: [6, 4, 2, 10, 9, 1], daysAgo: 45)
            try await answer(water, .evaluating, "تدرس مديرية الفلاحة الكلفة مع جمعيات الواحات؛ يُنشر الرد النهائي بعد التداول.", daysAgo: 5)
            let library = try await proposal(
                "مكتبة متنقلة للقرى المعزولة",
                "حافلة مجهزة تزور القرى المعزولة أسبوعياً، تعير الكتب وتنظم ورشات قراءة للأطفال بالتعاون مع الجمعيات الثقافية.",
                by: 2, wilaya: "47", domain: "sse.employment", state: .published, endorsers: [2, 10, 0, 8, 11, 3], daysAgo: 50)
            try await answer(library, .accepted, "مقبول: يتكفّل به برنامج المرصد للتنمية المحلية سنة 2026 بالشراكة مع جمعية محلية.", daysAgo: 8)
            let tax = try await proposal(
                "إعفاء كل الجمعيات من كل الضرائب",
                "نطلب إعفاء الجمعيات كلها من كل الضرائب والرسوم دون شرط.",
                by: 8, wilaya: "19", domain: "sse.entrepreneurship", state: .published, endorsers: [8, 1, 3, 6, 7], daysAgo: 55)
            try await answer(tax, .rejected, "خارج صلاحيات المرصد: الإعفاءات الضريبية يقرّرها قانون المالية. نقترح بدلها مرافقة الجمعيات في الاستفادة من الإعفاءات القائمة.", daysAgo: 6)
            _ = try await proposal(
                "تنظيم معرض للحرف في تيزي وزو",
                "معرض سنوي للحرف التقليدية.", by: 9, wilaya: "15", domain: "sse.employment", state: .withdrawn, endorsers: [], daysAgo: 42)
            let duplicate = try await proposal(
                "سوق أسبوعي للتعاونيات في باتنة",
                "فضاء أسبوعي لبيع منتجات التعاونيات مباشرة في مدينة باتنة.",
                by: 1, wilaya: "05", domain: "sse.agriculture", state: .merged, endorsers: [], daysAgo: 38)
            duplicate.mergedIntoID = try market.requireID()
            try await duplicate.save(on: tx)
            _ = try await proposal(
                "شبكة للنقل التضامني للعمال الموسميين",
                "مسودة: نقل جماعي منظم للعاملات والعمال الموسميين في الحقول.",
                by: 11, wilaya: "31", domain: "sse.employment", state: .draft, endorsers: [], daysAgo: 3)

            // The accepted library became a project of the association that carries it.
            let project = Project()
            project.slug = "mobile-library-villages"
            project.organizationID = try tadamoun.requireID()
            project.title = Translated(ar: library.title)
            project.summary = Translated(ar: library.body)
            project.socialNeed = Translated(ar: "لا مكتبة في القرى المعزولة، والأطفال بعيدون عن الكتاب.")
            project.beneficiaries = "12 قرية، نحو 1500 طفل"
            project.domainCode = "sse.employment"
            project.wilayaCode = "05"
            project.budgetMinor = 1_800_000 * 100
            project.currency = "DZD"
            project.funding = []
            project.partners = "المرصد الوطني للمجتمع المدني"
            project.startsOn = date(20)
            project.endsOn = date(385)
            project.expectedJobs = 3
            project.state = .draft
            project.originKind = "proposal"
            project.originID = try library.requireID()
            project.originTitle = library.title
            try await project.create(on: tx)
            _ = try await WorkflowStep.record(workflow: "project", subjectID: try project.requireID(), action: "create",
                                              from: nil, to: ProjectState.draft.rawValue, actor: .system, reason: nil,
                                              on: tx, at: now.addingTimeInterval(-7 * day))
            library.projectID = try project.requireID()
            try await library.save(on: tx)

            // Comments with replies and stances.
            func comment(on type: CommentSubject, _ subject: UUID, by author: Int, _ body: String, stance: Stance?,
                         parent: Comment? = nil, hoursAgo: Int) async throws -> Comment {
                let comment = Comment()
                comment.subjectType = type
                comment.subjectID = subject
                comment.processID = processID
                comment.parentID = parent?.id
                comment.authorID = people[author]
                comment.body = body
                comment.stance = parent == nil ? stance : nil
                comment.replyCount = 0
                comment.pendingModeration = false
                comment.createdAt = now.addingTimeInterval(-Double(hoursAgo) * 3600)
                try await comment.create(on: tx)
                try await CommentService.recount(comment, on: tx)
                return comment
            }
            let marketID = try market.requireID()
            let first = try await comment(on: .proposal, marketID, by: 4,
                                          "فكرة ممتازة: النساء الحرفيات في الأوراس يحتجن إلى مكان ثابت للبيع.", stance: .inFavour,
                                          hoursAgo: 300)
            _ = try await comment(on: .proposal, marketID, by: 0, "شكراً. نقترح أن تتكفل البلدية بالمكان والجمعيات بالتنظيم.",
                                  stance: nil, parent: first, hoursAgo: 290)
            _ = try await comment(on: .proposal, marketID, by: 7,
                                  "يجب التفكير في النقل: التعاونيات البعيدة لن تستطيع الحضور كل أسبوع.", stance: .neutral,
                                  hoursAgo: 200)
            _ = try await comment(on: .proposal, marketID, by: 8,
                                  "أخشى منافسة غير متكافئة مع التجار المرخصين في السوق المغطاة.", stance: .against, hoursAgo: 150)

            let debate = Debate()
            debate.processID = processID
            debate.authorID = people[3]
            debate.title = "كيف نموّل المشاريع التضامنية دون الاعتماد على الإعانات؟"
            debate.details = "الإعانات العمومية ظرفية. ما البدائل الواقعية في الجزائر: التمويل التشاركي، الصناديق المحلية، شراكات المسؤولية الاجتماعية للمؤسسات؟"
            debate.commentCount = 0
            debate.pendingModeration = false
            debate.createdAt = now.addingTimeInterval(-10 * day)
            try await debate.create(on: tx)
            let debateID = try debate.requireID()
            let opening = try await comment(on: .debate, debateID, by: 1,
                                            "صناديق الادخار المحلية جرّبت في باتنة ونجحت مع النساء الحرفيات.", stance: .inFavour,
                                            hoursAgo: 220)
            _ = try await comment(on: .debate, debateID, by: 9, "هل من أرقام عن نسبة التسديد؟", stance: nil, parent: opening,
                                  hoursAgo: 210)
            _ = try await comment(on: .debate, debateID, by: 1, "تجاوزت 90٪ في السنة الأولى حسب تقرير الجمعية.", stance: nil,
                                  parent: opening, hoursAgo: 200)
            let csr = try await comment(on: .debate, debateID, by: 5,
                                        "شراكات المؤسسات ممكنة إذا كانت الجمعيات تقدّم تقارير واضحة عن الأثر.", stance: .neutral,
                                        hoursAgo: 120)
            _ = try await comment(on: .debate, debateID, by: 8, "وهذا ما تتيحه المنصة: تقارير دورية بمؤشرات.", stance: nil,
                                  parent: csr, hoursAgo: 100)
            _ = try await comment(on: .debate, debateID, by: 10, "التمويل التشاركي ما زال غير مؤطر قانونياً عندنا.",
                                  stance: .against, hoursAgo: 60)
            for index in [1, 3, 5, 9] {
                try await FollowService.follow(.debate, debateID, userID: people[index], on: tx, now: now)
            }
            try await FollowService.follow(.process, processID, userID: people[0], on: tx, now: now)
            _ = incubator
            _ = repair
        }
        let process = try await ParticipatoryProcess.query(on: db).filter(\.$slug == processSlug).first()
        try await SurveysDemo.load(on: db, now: now, processID: process?.id)
        try await ElectionsDemo.load(on: db, now: now, processID: process?.id)
        try await PollsDemo.load(on: db, now: now, processID: process?.id)
    }
}
