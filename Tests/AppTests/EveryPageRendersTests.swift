import Agreements
import Capacity
import Directory
import Fluent
import Participation
import Platform
import Projects
import ShabakaTestSupport
import Testing
import VaporTesting

/// Every page an administrator can open renders in every language, with the language's direction.
@Suite("Every page renders")
struct EveryPageRendersTests {
    /// Pages that are not HTML pages (the data download) or need a one-time link from a mail (without one they
    /// explain that the link is not valid), with what they answer an administrator.
    static let notPages: [String: HTTPStatus] = [
        "account/data": .ok, "sign-up/confirm": PlatformError.confirmationLinkInvalid.status,
        "password/reset": PlatformError.resetTokenInvalid.status,
        "invitations/accept": DirectoryError.invitationInvalid.status,
        // A document's download (none in the demo data): not a page, and unknown ids answer 404.
        "files/00000000-0000-0000-0000-000000000000": .notFound,
        // Only a draft is corrected (the demo's draft is checked below).
        "projects/\(ProjectsDemo.flagshipSlug)/edit": ProjectsError.notADraft.status,
        // The calendar feed: iCalendar, not a page (CertificateTests reads it).
        "events.ics": .ok,
        // The open data's archive: a tar file (OpenDataTests reads it).
        "open-data/shabaka-open-data.tar": .ok,
    ]

    /// Addresses whose answer depends on the record (checked in the test with the demo's records).
    static func recordPages(comment: String) -> [String: HTTPStatus] {
        // Only its author corrects a comment.
        ["comments/\(comment)/edit": ParticipationError.notTheAuthor.status,
         // The demo's process is in its deliberation phase: proposing is closed, and the form says so.
         "processes/\(ParticipationDemo.processSlug)/proposals/new": ParticipationError.notOpen(opening: "propose").status]
    }

    @Test(arguments: SiteLanguage.allCases)
    func everyPageRendersForAnAdministrator(language: SiteLanguage) async throws {
        try await withShabaka(demo: true) { app in
            // setup
            try await makeUser(app, email: "admin@example.org", roles: [.admin])
            let browser = Browser(app)
            try await signIn(browser, email: "admin@example.org")
            let application = try #require(try await MembershipApplication.query(on: app.db).first())
            let person = try #require(try await Person.query(on: app.db).first())
            let difficulty = try #require(try await Difficulty.query(on: app.db).first())
            let request = try #require(try await ExpertiseRequest.query(on: app.db).first())
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$code == "IND-03").first())
            let draft = try #require(try await Project.query(on: app.db).filter(\.$state == .draft).first())
            let proposal = try #require(try await Proposal.query(on: app.db).filter(\.$state == .published).first())
            let debate = try #require(try await Debate.query(on: app.db).first())
            let thread = try #require(try await Comment.query(on: app.db).filter(\.$replyCount > 0).first())
            let survey = try #require(try await Survey.query(on: app.db).first())
            let election = try #require(try await BudgetElection.query(on: app.db).first())
            let poll = try #require(try await Poll.query(on: app.db).first())
            let assembly = try #require(try await Assembly.query(on: app.db).first())
            let noStation = "00000000-0000-0000-0000-000000000000"
            let event = try #require(try await CapacityEvent.query(on: app.db).filter(\.$kind == .training).first())
            let certificate = try #require(try await Certificate.query(on: app.db).first())
            let resource = try #require(try await LibraryResource.query(on: app.db).first())
            // The demo's vote is closed: its first funded project has the page that makes it a project.
            let funded = try #require(try await ElectionResults.load(election, on: app.db, now: Date()).selected.first)
            // A demo record for each parameter, by the address it follows: a room whose page takes a parameter
            // not listed here fails below instead of going unchecked.
            let records: [String: String] = [
                "organizations/:slug": DirectoryDemo.networkSlug, "applications/:id": "\(application.id!)",
                "people/:id": "\(person.id!)", "agreements/:agreement": AgreementsDemo.agreementSlug,
                "strategies/:strategy": AgreementsDemo.strategySlug, "indicators/:id": "\(indicator.id!)",
                "projects/:project": ProjectsDemo.flagshipSlug, "difficulties/:id": "\(difficulty.id!)",
                "expertise/:id": "\(request.id!)", "objectives/:objective": "\(indicator.objectiveID)",
                "files/:id": "00000000-0000-0000-0000-000000000000",
                "processes/:process": ParticipationDemo.processSlug, "proposals/:id": "\(proposal.id!)",
                "debates/:id": "\(debate.id!)", "comments/:id": "\(thread.id!)", "unsubscribe/:token": String(repeating: "0", count: 64),
                "surveys/:id": "\(survey.id!)", "pb-elections/:id": "\(election.id!)", "polls/:id": "\(poll.id!)",
                "assemblies/:id": "\(assembly.id!)", "stations/:station": noStation, "projects/:number": funded,
                "events/:id": "\(event.id!)", "certificates/:code": certificate.code, "resources/:id": "\(resource.id!)",
                "docs/:part": "capacity", "annual-report/:year": "\(CivilCalendar.components(app.clock.now(), offset: 3600).year)",
            ]
            // Every GET page the rooms registered, found in the app's routes.
            var routes: [String] = []
            for route in app.routes.all where route.method == .GET {
                guard route.path.first?.description == ":lang" else { continue }
                var parts: [String] = []
                for component in route.path.dropFirst() {
                    let text = component.description
                    guard text.hasPrefix(":") else { parts.append(text); continue }
                    let key = (parts.last ?? "") + "/" + text
                    let value = try #require(records[key], "no demo record for \(key) in \(route.path.string)")
                    parts.append(value)
                }
                routes.append(parts.joined(separator: "/"))
            }
            #expect(routes.count > 30, "\(routes.count) pages found in the app's routes")
            var special = Self.recordPages(comment: "\(thread.id!)")
            // The demo's vote has no polling station: an unknown one is not found.
            special["pb-elections/\(election.id!)/stations/\(noStation)"] = ElectionError.stationNotFound.status
            // A year's figures as CSV, not a page (DashboardTests reads it).
            special["annual-report/\(records["annual-report/:year"]!)/figures.csv"] = .ok
            let pages = routes.filter { Self.notPages[$0] == nil && special[$0] == nil }
            let paths = pages + [
                "organizations?q=%D8%AC%D9%85%D8%B9%D9%8A%D8%A9&page=1", "projects?state=in_progress&wilaya=05",
                "projects/ghardaia-women-weaving-workshop", "projects/\(draft.slug)/edit", "difficulties?category=funding&older_than=7",
                "evaluations?phase=final", "agreements?page=1",
            ]
            for (path, status) in Self.notPages.merging(special, uniquingKeysWith: { $1 }) {
                #expect(try await browser.get("/\(language.rawValue)/\(path)").status == status, "\(path)")
            }

            for path in paths {
                // act
                let response = try await browser.get("/\(language.rawValue)/\(path)")

                // assert
                #expect(response.status == .ok, "\(path): \(response.status)")
                #expect(response.body.string.contains(#"<html lang="\#(language.rawValue)" dir="\#(language.direction)">"#),
                        "\(path)")
            }
        }
    }
}
