import Foundation
import Platform
import ShabakaTestSupport
import Testing

/// One way per language for each kind of value: dates in words in Algeria's time, grouped numbers, percentages,
/// amounts, and plural forms.
@Suite("Formatting values per language")
struct FormattingTests {
    let catalog = try! Catalog.load(from: repositoryRoot + "Resources/Locales")

    @Test func calendarDaysAreReadAndWrittenLikeFoundationsFormatter() {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int.random(in: -2_208_988_800...4_102_444_800, using: &generator)))
            let text = ISODate.string(date)
            #expect(text == formatter.string(from: date))
            #expect(ISODate.parse(text) == formatter.date(from: text))
        }
        for bad in ["2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "2026-1-01", "2026/01/01", "٢٠٢٦-٠١-٠١", ""] {
            #expect(ISODate.parse(bad) == nil, "\(bad)")
        }
        #expect(ISODate.parse("2024-02-29") != nil)
        #expect(ISODate.parse("2000-02-29") != nil)
        #expect(ISODate.parse("1900-02-29") == nil)
    }

    @Test func placeholdersAreFilledInOnePass() {
        let catalog = Catalog(entries: [.ar: ["k": "{1} و{2} ثم {1}، {3}"], .fr: [:], .en: [:]])
        #expect(catalog.text("k", in: .ar, arguments: ["أ", "{1}"]) == "أ و{1} ثم أ، {3}")
        #expect(catalog.text("k", in: .ar) == "{1} و{2} ثم {1}، {3}")
    }

    @Test func theArithmeticCalendarAgreesWithFoundationsInAlgeria() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Africa/Algiers"))
        var generator = SystemRandomNumberGenerator()
        // 2000-01-01 to 2100-01-01, plus the edges of days, months and leap years.
        var instants: [TimeInterval] = [946_684_800, 951_782_399, 951_782_400, 1_709_161_200, 1_709_164_799, 4_102_444_799]
        instants += (0..<5_000).map { _ in TimeInterval(Int.random(in: 946_684_800...4_102_444_800, using: &generator)) }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            let expected = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let civil = DateText.civil(date)
            #expect([civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second]
                    == [expected.year, expected.month, expected.day, expected.hour, expected.minute, expected.second],
                    "\(instant)")
        }
        #expect(DateText.machine(Date(timeIntervalSince1970: 1_796_000_709), withTime: true) == "2026-11-30T02:05:09+01:00")
        #expect(DateText.machine(Date(timeIntervalSince1970: 1_796_000_709), withTime: false) == "2026-11-30")
    }

    @Test func datesReadInWordsInAlgeriasTime() {
        // 2026-07-31T23:30Z is already 1 August in Algiers (UTC+1)
        let date = ISO8601DateFormatter().date(from: "2026-07-31T23:30:00Z")!
        #expect(DateText.day(date, in: .ar, catalog: catalog) == "1 أوت 2026")
        #expect(DateText.moment(date, in: .fr, catalog: catalog) == "1 août 2026 à 00:30")
        #expect(DateText.moment(date, in: .en, catalog: catalog) == "1 August 2026, 00:30")
        #expect(DateText.moment(date, in: .ar, catalog: catalog) == "1 أوت 2026، 00:30")
        #expect(DateText.day(year: 2026, month: 1, day: 15, in: .ar, catalog: catalog) == "15 جانفي 2026")
        #expect(DateText.parseDay("2026-13-01") == nil)
    }

    @Test func numbersPercentagesAndAmountsAreWrittenOneWayPerLanguage() {
        #expect(NumberText.integer(1_234_567, in: .en) == "1,234,567")
        #expect(NumberText.integer(1_234_567, in: .fr) == "1\u{202F}234\u{202F}567")
        #expect(NumberText.integer(-1234, in: .ar) == "-1\u{202F}234")
        #expect(NumberText.decimal(12.5, in: .fr) == "12,5")
        #expect(NumberText.decimal(12.0, in: .en) == "12")
        #expect(NumberText.percent(50, in: .ar) == "50٪")
        #expect(NumberText.percent(50, in: .fr) == "50\u{202F}%")
        #expect(NumberText.percent(50, in: .en) == "50%")
        #expect(MoneyText.format(123_456_78, currency: "DZD", in: .ar, catalog: catalog) == "123\u{202F}456,78\u{00A0}دج")
        #expect(MoneyText.format(-50, currency: "DZD", in: .en, catalog: catalog) == "-0.50\u{00A0}DZD")
    }

    @Test func pluralsFollowEachLanguagesRules() {
        let counts = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111]
        #expect(counts.map { PluralCategory.of($0, in: .ar) }
                == [.other, .one, .two, .few, .few, .many, .many, .other, .other, .other, .few, .many])
        #expect(counts.map { PluralCategory.of($0, in: .fr) }.prefix(3) == [.one, .one, .other])
        #expect(counts.map { PluralCategory.of($0, in: .en) }.prefix(3) == [.other, .one, .other])
        #expect(catalog.plural("difficulties.count", count: 1, in: .fr) == "1 difficulté")
        #expect(catalog.plural("difficulties.count", count: 2, in: .fr) == "2 difficultés")
        #expect(catalog.plural("difficulties.count", count: 2, in: .ar) == "صعوبتان")
        #expect(catalog.plural("projects.count", count: 5, in: .ar) == "5 مشاريع")
        #expect(catalog.plural("projects.count", count: 12, in: .ar) == "12 مشروعا")
    }
}
