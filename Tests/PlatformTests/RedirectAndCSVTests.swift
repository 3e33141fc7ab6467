import Platform
import Testing

@Suite("Only this site's paths after sign-in; CSV cells never run as formulas")
struct RedirectAndCSVTests {
    @Test(arguments: [
        "/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example",
        "/ar/\n/evil", "javascript:alert(1)", "/de/page", "/ar//evil.example", "/ar\\@evil", "", "ar/account",
        "/\u{200E}/evil.example", "/ar/\u{0085}x",
    ])
    func refusedNextValues(raw: String) {
        #expect(LocalRedirect.path(raw) == nil)
    }

    @Test(arguments: ["/ar", "/ar/", "/fr/projects?page=2", "/en/difficulties/5A0E#decision", "/ar/الجمعيات"])
    func acceptedNextValues(raw: String) {
        #expect(LocalRedirect.path(raw) == raw)
    }

    @Test func formulaCellsBecomeTextAndNumbersStayNumbers() {
        #expect(CSVText.line(["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
                == "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1+2,'-2+3,'@SUM(A1),'\tx,\"'\rx\"\r\n")
        #expect(CSVText.line(["-3", "+2.5", "40", "جمعية, التضامن", "a\"b"]) == "-3,+2.5,40,\"جمعية, التضامن\",\"a\"\"b\"\r\n")
        #expect(CSVText.restored("'=SUM(A1)") == "=SUM(A1)")
        #expect(CSVText.restored("'quoted") == "'quoted")
    }
}
