import Fluent
import Platform
import ShabakaTestSupport
import Testing
import VaporTesting

@Suite("Accounts through the web forms")
struct AuthJourneyTests {
    @Test func aPersonSignsUpSignsInAndSignsOut() async throws {
        try await withShabaka { app in
            // setup
            let browser = Browser(app)
            try await browser.get("/fr/sign-up")

            // act: sign up
            let signedUp = try await browser.post("/fr/sign-up", form: [
                "display_name": "Amina Benali", "email": "Amina@Example.org", "password": "une phrase longue",
                "password_confirmation": "une phrase longue", "language": "fr",
            ])

            // assert: the same "check your mail" page as for a taken address, and a confirmation link in the mail
            #expect(signedUp.status == .seeOther)
            #expect(signedUp.location == "/fr/sign-up/sent")
            let sent = try await browser.get("/fr/sign-up/sent")
            #expect(sent.body.string.contains("Consultez votre messagerie"))
            let link = try await outboxLink(app, to: "amina@example.org", containing: "/sign-up/confirm")
            #expect(link.hasPrefix("/fr/sign-up/confirm?token="))

            // act: before confirming, the right password does not open the account
            try await browser.get("/fr/sign-in")
            let tooEarly = try await browser.post("/fr/sign-in", form: ["email": "amina@example.org",
                                                                        "password": "une phrase longue"])
            #expect(tooEarly.status == .forbidden)
            #expect(tooEarly.body.string.contains("pas encore confirmée"))

            // act: opening the link changes nothing; its button confirms and signs in
            let confirmPage = try await browser.get(link)
            #expect(confirmPage.status == .ok && confirmPage.body.string.contains("Activer mon compte"))
            let token = String(link.split(separator: "=").last!)
            let confirmed = try await browser.post("/fr/sign-up/confirm", form: ["token": token])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/fr/account?welcome=1")
            #expect(try await browser.get(link).status == .badRequest)   // spent
            let account = try await browser.get(try #require(confirmed.location))
            #expect(account.status == .ok)
            #expect(account.body.string.contains("Bienvenue, Amina Benali"))
            #expect(account.body.string.contains("amina@example.org"))
            #expect(account.body.string.contains("Citoyen"))

            // act: sign out
            let signedOut = try await browser.post("/fr/sign-out", form: [:])
            #expect(signedOut.status == .seeOther)
            let afterSignOut = try await browser.get("/fr/account")
            #expect(afterSignOut.status == .seeOther)
            #expect(afterSignOut.location?.hasPrefix("/fr/sign-in?next=") == true)

            // act: sign in again with the e-mail in another case
            try await browser.get("/fr/sign-in")
            let signedIn = try await browser.post("/fr/sign-in", form: ["email": "AMINA@example.org ",
                                                                        "password": "une phrase longue"])
            #expect(signedIn.status == .seeOther)
            #expect(try await browser.get("/fr/account").status == .ok)
        }
    }

    @Test func sessionCookieIsHttpOnlyAndSameSiteLax() async throws {
        try await withShabaka { app in
            // act
            let response = try await app.testing().sendRequest(.GET, "/ar/sign-in")

            // assert
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("shabaka_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
        }
    }

    @Test func signUpWithBadFieldsShowsTranslatedErrorsAndKeepsValues() async throws {
        try await withShabaka { app in
            // setup
            let browser = Browser(app)
            try await browser.get("/ar/sign-up")

            // act
            let response = try await browser.post("/ar/sign-up", form: [
                "display_name": "", "email": "not-an-email", "password": "short", "password_confirmation": "x",
            ])

            // assert
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("هذا الحقل إلزامي."))
            #expect(html.contains("أدخل بريدًا إلكترونيًا صحيحًا"))
            #expect(html.contains("استعمل 10 أحرف على الأقل."))
            #expect(html.contains(#"value="not-an-email""#))
            #expect(html.contains(#"aria-invalid="true""#))
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test func signingUpWithATakenAddressAnswersExactlyAsWithANewOne() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "taken@example.org", name: "Owner")
            let form = ["display_name": "Someone", "password": "long enough password",
                        "password_confirmation": "long enough password", "language": "en"]
            let first = Browser(app), second = Browser(app)
            try await first.get("/en/sign-up")
            try await second.get("/en/sign-up")

            // act
            let taken = try await first.post("/en/sign-up", form: form.merging(["email": "TAKEN@example.org"]) { $1 })
            let fresh = try await second.post("/en/sign-up", form: form.merging(["email": "new@example.org"]) { $1 })

            // assert: same status, same next page; only the mail differs, and only its owner reads it
            #expect(taken.status == fresh.status && taken.status == .seeOther)
            #expect(taken.location == fresh.location && taken.location == "/en/sign-up/sent")
            #expect(taken.body.string == fresh.body.string)
            let mail = try await OutboxMessage.query(on: app.db).sort(\.$recipient).all()
            #expect(mail.map(\.recipient) == ["new@example.org", "taken@example.org"])
            #expect(mail.map(\.kind) == ["email_confirmation", "sign_up_again"])
            #expect(try await User.query(on: app.db).filter(\.$email == "taken@example.org").first()?.displayName == "Owner")
        }
    }

    @Test func aFormPostWithoutItsCSRFTokenIsRefused() async throws {
        try await withShabaka { app in
            // setup
            let browser = Browser(app)
            try await browser.get("/en/sign-up")

            // act
            let response = try await browser.post("/en/sign-up", form: [
                "display_name": "Eve", "email": "eve@example.org", "password": "long enough password",
                "password_confirmation": "long enough password",
            ], csrf: false)
            let forged = try await browser.post("/en/sign-up", form: ["_csrf": "forged", "email": "eve@example.org"],
                                                csrf: false)

            // assert
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("This form has expired or did not come from this site."))
            #expect(forged.status == .forbidden)
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test func signInWithAnUnsafeNextDoesNotRedirectOffSite() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "n@example.org")
            let browser = Browser(app)
            try await browser.get("/en/sign-in?next=//evil.example/")

            // act
            let response = try await browser.post("/en/sign-in", form: [
                "email": "n@example.org", "password": "correct horse battery", "next": "//evil.example/",
            ])

            // assert
            #expect(response.location == "/ar/account")
        }
    }
}
