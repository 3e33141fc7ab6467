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

            // assert: signed in straight away, on the account page
            #expect(signedUp.status == .seeOther)
            #expect(signedUp.location == "/fr/account?welcome=1")
            let account = try await browser.get(try #require(signedUp.location))
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

    @Test func aSecondAccountWithTheSameEmailIsRefused() async throws {
        try await withShabaka { app in
            // setup
            try await makeUser(app, email: "taken@example.org")
            let browser = Browser(app)
            try await browser.get("/en/sign-up")

            // act
            let response = try await browser.post("/en/sign-up", form: [
                "display_name": "Someone", "email": "TAKEN@example.org", "password": "long enough password",
                "password_confirmation": "long enough password",
            ])

            // assert
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("An account already uses this e-mail address."))
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
