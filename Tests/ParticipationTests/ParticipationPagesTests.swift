import Directory
import Fluent
import Foundation
import Participation
import Projects
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

/// The room's pages as people use them, forms posted like a browser: a process made with its form, a proposal
/// drafted (similar ones shown), published, endorsed, commented and answered; refused input shown on its fields.
@Suite("Participation pages")
struct ParticipationPagesTests {
    typealias W = ParticipationWorld

    @Test(arguments: SiteLanguage.allCases)
    func theDemoProcessReadsInEveryLanguage(language: SiteLanguage) async throws {
        try await withShabaka(demo: true) { app in
            let browser = Browser(app)
            let lang = language.rawValue
            let process = try await browser.get("/\(lang)/processes/\(ParticipationDemo.processSlug)")
            #expect(process.status == .ok)
            let html = process.body.string
            #expect(html.contains(#"<html lang="\#(lang)" dir="\#(language.direction)">"#))
            // What is open now and until when, and the rules, written from the settings.
            let catalog = app.catalog
            #expect(html.contains(catalog.text("participation.where_we_are", in: language)))
            #expect(html.contains(catalog.text("participation.phase.deliberation", in: language)))
            #expect(html.contains(catalog.text("participation.rule.take_back", in: language)))
            #expect(html.contains(catalog.plural("participation.rule.endorsement_limit", count: 10, in: language)))
            // No raw key reaches the reader.
            #expect(!html.contains("participation."))
            let list = try await browser.get("/\(lang)/processes/\(ParticipationDemo.processSlug)/proposals?sort=most_endorsed")
            #expect(list.status == .ok)
            #expect(!list.body.string.contains("participation."))
            // The accepted proposal links to the project it became, and the project to its discussion's origin.
            let accepted = try #require(try await Proposal.query(on: app.db).filter(\.$state == .accepted).first())
            let page = try await browser.get("/\(lang)/proposals/\(accepted.id!)")
            #expect(page.body.string.contains("/\(lang)/projects/mobile-library-villages"))
            let discussion = try await browser.get("/\(lang)/projects/mobile-library-villages/discussion")
            // A draft project has no public discussion yet.
            #expect(discussion.status == .notFound)
        }
    }

    @Test func aProcessIsMadeWithItsFormAndRefusedInputIsShownOnItsFields() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            try await makeUser(app, email: W.coordinator, roles: [.coordinator])
            let browser = Browser(app)
            try await signIn(browser, email: W.coordinator)
            let form = try await browser.get("/en/processes/new")
            #expect(form.status == .ok)
            let observatory = try #require(try await Organization.query(on: app.db)
                .filter(\.$slug == DirectoryDemo.observatorySlug).first())
            // Everything wrong at once: no title, a threshold that is no number, phases in the wrong order.
            let refused = try await browser.post("/en/processes", form: [
                "title[ar]": "", "organizer_id": "\(observatory.id!)", "endorsement_threshold": "lots",
                "phases[0][kind]": "proposals", "phases[0][starts_on]": "2026-03-01", "phases[0][ends_on]": "2026-03-31",
                "phases[1][kind]": "deliberation", "phases[1][starts_on]": "2026-03-15", "phases[1][ends_on]": "2026-04-30",
            ])
            #expect(refused.status == .unprocessableEntity)
            let page = FormPage(refused.body.string)
            #expect(Set(page.summaryLinks).isSuperset(of: ["endorsement_threshold"]))
            #expect(page.invalidFields.contains("endorsement_threshold"))
            #expect(page.invalidFields.contains("phases_1_starts_on"))
            #expect(try await ParticipatoryProcess.query(on: app.db).count() == 1)  // the demo's only
            let made = try await browser.post("/en/processes", form: [
                "title[ar]": "ميزانية الحي", "title[fr]": "Budget du quartier", "description[ar]": "اقترحوا.",
                "slug": "quartier-2026", "organizer_id": "\(observatory.id!)", "endorsement_threshold": "2",
                "endorsements_per_person": "3", "counts_visible": "1", "stances": "1",
                "phases[0][kind]": "proposals", "phases[0][starts_on]": "2026-03-01", "phases[0][ends_on]": "2026-03-31",
                "phases[1][kind]": "deliberation", "phases[1][starts_on]": "2026-04-01", "phases[1][ends_on]": "2026-04-30",
            ], extra: [("scope_wilayas[]", "05"), ("scope_wilayas[]", "16")])
            #expect(made.status == .seeOther, "\(FormPage(made.body.string).summaries)")
            #expect(made.location == "/en/processes/quartier-2026")
            let shown = try await browser.get("/en/processes/quartier-2026").body.string
            #expect(shown.contains("Open now: proposing, endorsing and commenting, until 31 March 2026."))
            #expect(shown.contains("A proposal that gathers 2 endorsements is studied by"))
            #expect(shown.contains("Each person may endorse up to 3 proposals in this process."))
            #expect(shown.contains("Wilayas: Batna and Alger"))
        }
    }

    @Test func aCitizenDraftsSeesSimilarOnesPublishesOthersEndorseCommentAndTheOrganiserAnswers() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, threshold: 2)
            _ = try await world.published("حديقة عمومية للأطفال في باتنة", body: "تهيئة حديقة عمومية للأطفال والعائلات في وسط المدينة.",
                                          by: W.citizen(4))
            let author = Browser(app)
            try await signIn(author, email: W.author)
            let processPath = "/ar/processes/budget-2026"
            #expect(try await author.get(processPath + "/proposals/new").status == .ok)
            // A draft with a missing body: the form again, the error linked to its field, nothing saved.
            let refused = try await author.post(processPath + "/proposals", form: ["title": "حديقة للأطفال قرب المدرسة", "body": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(FormPage(refused.body.string).summaryLinks == ["body"])
            let saved = try await author.post(processPath + "/proposals", form: [
                "title": "حديقة للأطفال قرب المدرسة", "body": "حديقة عمومية صغيرة للأطفال قرب المدرسة الابتدائية في باتنة.",
                "wilaya_code": "05",
            ])
            #expect(saved.status == .seeOther)
            let proposalPath = try #require(saved.location)
            // The draft page offers the similar proposal before publishing.
            let draft = try await author.get(proposalPath).body.string
            #expect(draft.contains("مقترحات مشابهة"))
            #expect(draft.contains("حديقة عمومية للأطفال في باتنة"))
            // Nobody else sees a draft.
            let other = Browser(app)
            try await signIn(other, email: W.citizen(0))
            #expect(try await other.get(proposalPath).status == .notFound)
            _ = try await other.get(processPath)
            #expect(try await author.post(proposalPath + "/transitions", form: ["action": "publish"]).status == .seeOther)

            // Two citizens endorse; the second reaches the threshold of 2.
            #expect(try await other.post(proposalPath + "/endorsement", form: ["action": "endorse"]).status == .seeOther)
            let third = Browser(app)
            try await signIn(third, email: W.citizen(1))
            _ = try await third.get(proposalPath)
            #expect(try await third.post(proposalPath + "/endorsement", form: ["action": "endorse"]).status == .seeOther)
            let supported = try await third.get(proposalPath).body.string
            #expect(supported.contains("تأييدان من 2 مطلوبة"))
            #expect(supported.contains("بلغ عتبته في"))
            #expect(!supported.contains(#"name="action" value="withdraw""#) || !supported.contains("سحب تأييدي"))
            // Twice: refused on the page, in the support section's summary.
            let twice = try await third.post(proposalPath + "/endorsement", form: ["action": "endorse"])
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("سبق أن أيّدت هذا المقترح"))

            // A comment with its stance, a reply to it, and a reply to a reply refused.
            let id = try #require(UUID(uuidString: String(proposalPath.split(separator: "/").last ?? "")))
            let commented = try await other.post("/ar/comments", form: [
                "subject_type": "proposal", "subject_id": id.uuidString, "body": "فكرة جيدة للحي.", "stance": "for",
            ])
            #expect(commented.status == .seeOther)
            let comment = try #require(try await Comment.query(on: app.db).filter(\.$subjectID == id).first())
            #expect(commented.location == proposalPath + "#comment-\(comment.id!)")
            let replied = try await third.post("/ar/comments", form: [
                "subject_type": "proposal", "subject_id": id.uuidString, "parent_id": comment.id!.uuidString,
                "body": "أوافق، مع مراعاة الظل.",
            ])
            #expect(replied.status == .seeOther)
            #expect(replied.location?.hasPrefix("/ar/comments/\(comment.id!)/replies?page=1#comment-") == true)
            let reply = try #require(try await Comment.query(on: app.db).filter(\.$parentID == comment.id!).first())
            let tooDeep = try await other.post("/ar/comments", form: [
                "subject_type": "proposal", "subject_id": id.uuidString, "parent_id": reply.id!.uuidString, "body": "ردّ على ردّ",
            ])
            #expect(tooDeep.status == .unprocessableEntity)
            let thread = try await author.get(proposalPath).body.string
            // The page's own forms post where the handlers are, with the session's token.
            #expect(thread.contains(#"<form method="post" action="/ar/comments" class="stacked-form" novalidate>"#))
            #expect(thread.contains("/ar/reports/new?subject_type=comment&amp;subject_id=\(comment.id!)"))
            #expect(thread.contains("/ar/comments/\(comment.id!)/replies#reply"))
            #expect(!thread.contains(#"name="_csrf" value="""#))
            #expect(thread.contains("فكرة جيدة للحي."))
            #expect(thread.contains("أوافق، مع مراعاة الظل."))
            #expect(thread.contains("مؤيد"))
            // The author was told of the comment (following their proposal), the commenter of the reply.
            #expect(try await UserNotification.query(on: app.db).filter(\.$messageKey == "notification.comment_reply").count() == 1)

            // The organiser answers on the page; the answer is published at once.
            let organiser = Browser(app)
            try await signIn(organiser, email: W.coordinator)
            _ = try await organiser.get(proposalPath)
            let noReason = try await organiser.post(proposalPath + "/answer", form: ["state": "accepted", "reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            #expect(FormPage(noReason.body.string).summaryLinks == ["answer-reason"])
            #expect(try await organiser.post(proposalPath + "/answer", form: [
                "state": "accepted", "reason": "مقبول ضمن ميزانية البلدية.",
            ]).status == .seeOther)
            let answered = try await author.get(proposalPath).body.string
            #expect(answered.contains(#"<section id="answer""#))
            #expect(answered.contains("مقبول ضمن ميزانية البلدية."))
            let notifications = try await author.get("/ar/notifications").body.string
            #expect(notifications.contains("صدر الرد على المقترح"))
        }
    }
}

extension ParticipationPagesTests {
    @Test func aProjectLinksBackToItsProposalAndItsDiscussionTakesComments() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 1)
            let library = try #require(try await Proposal.query(on: app.db).filter(\.$state == .accepted).first())
            // The demo's project born of the accepted proposal links back to it (a draft: staff see it).
            let staff = Browser(app)
            try await signIn(staff, email: W.coordinator)
            let page = try await staff.get("/fr/projects/mobile-library-villages").body.string
            #expect(page.contains("Ce projet est né d’une proposition citoyenne"))
            #expect(page.contains("/fr/proposals/\(library.id!)"))
            // A submitted project has a discussion anyone reads and people sign in to join.
            let flagship = "/fr/projects/\(ProjectsDemo.flagshipSlug)"
            #expect(try await Browser(app).get(flagship).body.string.contains(flagship + "/discussion"))
            let project = try #require(try await Project.query(on: app.db).filter(\.$slug == ProjectsDemo.flagshipSlug).first())
            let posted = try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "project", "subject_id": "\(project.id!)", "body": "Bravo pour la boutique coopérative."}
                """)
            #expect(posted.status == .created)
            let discussion = try await Browser(app).get(flagship + "/discussion")
            #expect(discussion.status == .ok)
            #expect(discussion.body.string.contains("Bravo pour la boutique coopérative."))
            // A draft project takes no comment.
            let draft = try #require(try await Project.query(on: app.db).filter(\.$state == .draft).first())
            #expect(try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "project", "subject_id": "\(draft.id!)", "body": "Trop tôt ?"}
                """).status == .notFound)
        }
    }
}

extension ParticipationPagesTests {
    @Test func repliesReportsAndModerationThroughTheirPages() async throws {
        try await withShabaka(demo: true, clock: ManualClock(march2026)) { app in
            let world = try await W.make(app, citizens: 2)
            let id = try await world.published("ممرات للدراجات نحو الجامعة", body: "ممرات آمنة للدراجات بين الأحياء والجامعة.", by: W.author)
            struct Made: Decodable { let id: UUID }
            let comment = try await world.api(.POST, "/api/v1/comments", as: W.citizen(0), json: """
                {"subject_type": "proposal", "subject_id": "\(id)", "body": "فكرة ممتازة للطلبة."}
                """).decoded(Made.self).id
            // The replies page takes the reply; an empty one comes back on it with its error, linked.
            let citizen = Browser(app)
            try await signIn(citizen, email: W.citizen(1))
            let replies = try await citizen.get("/fr/comments/\(comment)/replies")
            #expect(replies.status == .ok)
            #expect(replies.body.string.contains(#"<textarea id="reply-body" name="body""#))
            let empty = try await citizen.post("/fr/comments", form: [
                "subject_type": "proposal", "subject_id": id.uuidString, "parent_id": comment.uuidString, "body": " ",
            ])
            #expect(empty.status == .unprocessableEntity)
            #expect(FormPage(empty.body.string).summaryLinks == ["reply-body"])
            // The report link opens a form; the report is sent once.
            let form = try await citizen.get("/fr/reports/new?subject_type=comment&subject_id=\(comment)&back=/fr/proposals/\(id)")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Pourquoi le signalez-vous ?"))
            let noReason = try await citizen.post("/fr/reports", form: [
                "subject_type": "comment", "subject_id": comment.uuidString, "back": "/fr/proposals/\(id)",
            ])
            #expect(noReason.status == .unprocessableEntity)
            #expect(FormPage(noReason.body.string).summaryLinks == ["reason"])
            let sent = try await citizen.post("/fr/reports", form: [
                "subject_type": "comment", "subject_id": comment.uuidString, "reason": "spam", "back": "/fr/proposals/\(id)",
            ])
            #expect(sent.status == .ok)
            #expect(sent.body.string.contains("Votre signalement est transmis aux modérateurs."))
            // The moderators' page lists it; hiding needs a reason, then the comment reads as hidden.
            #expect(try await citizen.get("/fr/moderation").status == .forbidden)
            let moderator = Browser(app)
            try await signIn(moderator, email: W.coordinator)
            let queue = try await moderator.get("/fr/moderation")
            #expect(queue.status == .ok)
            #expect(queue.body.string.contains("فكرة ممتازة للطلبة."))
            let unexplained = try await moderator.post("/fr/moderation/actions", form: [
                "subject_type": "comment", "subject_id": comment.uuidString, "action": "hide", "reason": "",
            ])
            #expect(unexplained.status == .unprocessableEntity)
            #expect(try await moderator.post("/fr/moderation/actions", form: [
                "subject_type": "comment", "subject_id": comment.uuidString, "action": "hide", "reason": "Publicité",
            ]).status == .seeOther)
            let page = try await citizen.get("/fr/proposals/\(id)").body.string
            #expect(page.contains("Contenu masqué par la modération."))
            #expect(!page.contains("فكرة ممتازة للطلبة."))
            #expect(!(try await moderator.get("/fr/moderation").body.string.contains("فكرة ممتازة للطلبة.")))
        }
    }
}
